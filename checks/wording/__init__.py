"""The wording check: common wrong forms (错别字、异形词) and protected expressions (规范表述)."""
