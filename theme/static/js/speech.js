// 朗读全文: reads the story aloud with the browser's own speech engine (window.speechSynthesis) in a
// Chinese voice — the headline first, then the story a paragraph at a time, because Chrome cuts off a
// very long utterance. Nothing is sent anywhere. The button becomes 停止朗读 (aria-pressed) while it
// reads. Without a speech engine or a Chinese voice the status line says so plainly. Hidden in the
// HTML and shown here, like 复制链接: without JavaScript there is nothing the button could do.

const listen = document.querySelector("[data-listen]");
// Chrome fills in its voices a moment after the page loads and says so with `voiceschanged`.
const VOICE_WAIT_MS = 1000;
// Longer paragraphs are read in pieces of whole sentences, each under this many characters.
const PIECE_CHARS = 160;
const BLOCKS = "h2, h3, h4, p, li, figcaption .caption-text";
const NO_ENGINE = "本浏览器没有语音朗读功能，无法朗读。可以使用手机或电脑自带的读屏软件朗读本页。";
const NO_VOICE = "本浏览器没有中文语音，无法朗读。可以在系统设置中添加中文（普通话）语音后再试。";
const FAILED = "朗读中断了，请再试一次。";

/** The first voice that speaks Chinese, preferring mainland Mandarin (zh-CN); null when there is none. */
function pickChinese(voices) {
  const chinese = voices.filter((voice) => /^zh\b/i.test(voice.lang.replace("_", "-")));
  return chinese.find((voice) => /^zh-CN$/i.test(voice.lang.replace("_", "-"))) || chinese[0] || null;
}

/** The Chinese voice, waiting up to VOICE_WAIT_MS for the list of voices to arrive. */
function chineseVoice(synth) {
  const voices = synth.getVoices();
  if (voices.length) return Promise.resolve(pickChinese(voices));
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      synth.removeEventListener?.("voiceschanged", done);
      resolve(pickChinese(synth.getVoices()));
    };
    const timer = setTimeout(done, VOICE_WAIT_MS);
    synth.addEventListener?.("voiceschanged", done);
  });
}

/** A text cut at sentence ends into pieces of at most PIECE_CHARS (a sentence longer than that stays whole). */
function pieces(text) {
  const sentences = text.match(/[^。！？!?；;]+[。！？!?；;]*[”’」』）)]*/g) || [text];
  const result = [""];
  for (const sentence of sentences) {
    if (result.at(-1) && result.at(-1).length + sentence.length > PIECE_CHARS) result.push("");
    result[result.length - 1] += sentence;
  }
  return result.filter(Boolean);
}

/** What is read: the headline and subtitle, then each block of the story that holds no other block. */
function storyTexts() {
  const heads = [...document.querySelectorAll(".story-title, .story-header .subtitle")];
  const blocks = [...document.querySelectorAll(".article-body :is(" + BLOCKS + ")")].filter((node) => !node.querySelector(BLOCKS));
  return [...heads, ...blocks]
    .map((node) => node.textContent.replace(/\s+/g, " ").trim())
    .filter(Boolean)
    .flatMap(pieces);
}

if (listen) {
  const button = listen.querySelector(".listen-button");
  const status = listen.querySelector(".listen-status");
  let reading = 0; // which reading is under way (0: none); a stopped one's late events are ignored
  let started = 0;

  const showReading = (on) => {
    button.setAttribute("aria-pressed", String(on));
    button.textContent = on ? "停止朗读" : "朗读全文";
  };
  const say = (text) => {
    // Shown only when there is something to say; emptied first, so that the same words are announced again.
    status.hidden = false;
    status.textContent = "";
    setTimeout(() => {
      status.textContent = text;
    }, 50);
  };
  const stop = () => {
    reading = 0;
    window.speechSynthesis?.cancel();
    showReading(false);
  };

  const start = async () => {
    const synth = window.speechSynthesis;
    if (!synth || typeof window.SpeechSynthesisUtterance !== "function") return say(NO_ENGINE);
    const ticket = ++started;
    const voice = await chineseVoice(synth);
    if (ticket !== started) return; // pressed again while the voices were loading
    if (!voice) return say(NO_VOICE);
    status.hidden = true;
    status.textContent = "";
    synth.cancel();
    reading = ticket;
    showReading(true);
    const texts = storyTexts();
    texts.forEach((text, index) => {
      const utterance = new window.SpeechSynthesisUtterance(text);
      utterance.lang = "zh-CN";
      utterance.voice = voice;
      utterance.onerror = (event) => {
        if (reading !== ticket || ["canceled", "interrupted"].includes(event.error)) return;
        stop();
        say(FAILED);
      };
      if (index === texts.length - 1) {
        utterance.onend = () => reading === ticket && stop();
      }
      synth.speak(utterance);
    });
  };

  button.addEventListener("click", () => (button.getAttribute("aria-pressed") === "true" ? stop() : start()));
  // Chrome would go on reading after the reader has left the page.
  window.addEventListener("pagehide", () => reading && stop());
  listen.hidden = false;
}
