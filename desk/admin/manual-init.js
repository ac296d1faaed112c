// desk.js registers the site's file format and widgets first, then starts Decap itself.
window.CMS_MANUAL_INIT = true;
