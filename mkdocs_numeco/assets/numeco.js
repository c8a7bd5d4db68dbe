/* mkdocs-numeco: click-to-load players and the transcript dialog.
   Listeners sit on the document, so Material's instant navigation needs nothing more. */
(function () {
  "use strict";
  document.documentElement.classList.add("numeco-js");
  var dialog, content, heading, closer, home, opener;

  // `clicked`: the reader pressed play; else a remembered consent loads the player, which must not start.
  // `url`: where to start (a transcript's timestamp); a loaded player is sent there.
  function play(box, clicked, url) {
    var frame = box.querySelector("iframe");
    url = new URL(url || box.getAttribute("data-embed-url"), location.href);
    // A player starts at once (the click was the request); another page is loaded as it is.
    if (clicked && box.getAttribute("data-provider") !== "embed") url.searchParams.set("autoplay", "1");
    if (!frame) {
      var remember = box.querySelector(".numeco-video__remember");
      frame = document.createElement("iframe");
      frame.title = box.getAttribute("data-title");
      frame.allow = "autoplay; fullscreen; picture-in-picture";
      frame.setAttribute("allowfullscreen", "");
      box.replaceChildren(frame);
      if (remember) box.append(remember); // the same control revokes the consent
      box.classList.add("numeco-video--loaded");
    }
    frame.src = url.href;
    if (clicked) frame.focus();
  }

  // A transcript's timestamp: a link to the provider's page without JavaScript, a button with it.
  function buttons() {
    document.querySelectorAll("a.numeco-seek").forEach(function (link) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "numeco-seek";
      button.textContent = link.textContent;
      button.setAttribute("aria-label", link.getAttribute("data-label"));
      ["data-video", "data-embed-url"].forEach(function (name) { button.setAttribute(name, link.getAttribute(name)); });
      link.replaceWith(button);
    });
  }

  function seek(button) {
    var box = document.getElementById(button.getAttribute("data-video"));
    if (!box) return;
    if (dialog && dialog.open) { opener = null; dialog.close(); } // the player is behind the dialog
    play(box, true, button.getAttribute("data-embed-url"));
    box.scrollIntoView({ block: "center" });
  }

  // Consent per host, only where the site turned remember_consent on (a [data-consent] checkbox):
  // without one, localStorage is never touched. undefined: storage refused (the checkbox stays hidden).
  var KEY = "numeco-consent:";
  function stored(host) {
    try { return localStorage.getItem(KEY + host); } catch (e) { return undefined; }
  }
  function store(host, given) {
    try { if (given) localStorage.setItem(KEY + host, "1"); else localStorage.removeItem(KEY + host); } catch (e) {}
  }
  function consents() { return document.querySelectorAll(".numeco-video [data-consent]"); }

  function restore() {
    consents().forEach(function (input) {
      var value = stored(input.getAttribute("data-consent"));
      input.parentNode.hidden = value === undefined;
      input.checked = value === "1";
      if (input.checked && !input.closest(".numeco-video--loaded")) play(input.closest(".numeco-video"), false);
    });
  }

  function makeDialog() {
    dialog = document.createElement("dialog");
    dialog.className = "numeco-dialog";
    dialog.setAttribute("aria-labelledby", "numeco-dialog-title");
    var bar = document.createElement("div");
    bar.className = "numeco-dialog__bar";
    heading = document.createElement("h2");
    heading.id = "numeco-dialog-title";
    closer = document.createElement("button");
    closer.type = "button";
    closer.className = "numeco-dialog__close";
    closer.addEventListener("click", function () { dialog.close(); });
    content = document.createElement("div");
    content.className = "md-typeset numeco-dialog__content";
    bar.append(heading, closer);
    dialog.append(bar, content);
    dialog.addEventListener("close", function () {
      while (content.firstChild) home.appendChild(content.firstChild);
      if (opener) opener.focus();
    });
  }

  function expand(button) {
    var details = button.closest(".numeco-transcript");
    if (!dialog) makeDialog();
    if (!dialog.isConnected) document.body.appendChild(dialog);
    home = details.querySelector(".numeco-transcript__body");
    opener = button;
    heading.textContent = details.querySelector("summary").textContent;
    closer.textContent = button.getAttribute("data-close-label");
    while (home.firstChild) content.appendChild(home.firstChild);
    dialog.showModal();
  }

  function reveal(hash) {
    var target = hash && document.getElementById(hash.slice(1));
    if (target && target.tagName === "DETAILS") target.open = true;
  }

  document.addEventListener("click", function (event) {
    var el = event.target.closest ? event.target : event.target.parentElement;
    // Material's instant navigation rewrites links to absolute URLs, hence *= and .hash.
    var hit = el && el.closest(".numeco-video__play, button.numeco-seek, .numeco-transcript__expand, a[href*='#numeco-transcript-']");
    if (!hit) return;
    if (hit.classList.contains("numeco-video__play")) play(hit.closest(".numeco-video"), true);
    else if (hit.classList.contains("numeco-seek")) seek(hit);
    else if (hit.classList.contains("numeco-transcript__expand")) expand(hit);
    else if (hit.pathname === location.pathname) reveal(hit.hash);
  });
  document.addEventListener("change", function (event) {
    var host = event.target.getAttribute("data-consent");
    if (!host) return;
    store(host, event.target.checked);
    consents().forEach(function (input) {
      if (input.getAttribute("data-consent") === host) input.checked = event.target.checked;
    });
  });
  function ready() { buttons(); reveal(location.hash); restore(); }
  // document$ (Material) emits on the first load and after each instant navigation.
  if (window.document$) window.document$.subscribe(ready);
  else ready();
})();
