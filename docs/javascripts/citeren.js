/* Kamerdossier: copy the citation of a question or an answer (issue 4).

   Under each question and answer heading the page holds its citation as plain text, with its
   permalink, and names what it cites (data-kd-part):

     <p class="kd-cite" data-search-exclude data-kd-part="vraag 7 (BBB)">
       <span class="kd-cite-label">Citeer als:</span> <span class="kd-cite-text">…</span>
     </p>

   This script adds to each a copy button (progressive enhancement: without JavaScript a button
   could do nothing, so the page does not carry one):

       <button type="button" class="kd-cite-copy">
         <span class="kd-cite-copy-label">Kopieer</span><span class="kd-visually-hidden"> citaat van vraag 7 (BBB)</span>
       </button>

   and, when one is pressed, puts the citation's text on the clipboard, says "Gekopieerd" on the button for a moment and to screen readers (a status
   region). Where the clipboard refuses, it selects the text so the reader can copy it. */
(function () {
  "use strict";

  var COPY = "Kopieer";
  var COPIED = "Gekopieerd";
  var FAILED = "Selecteer en kopieer zelf";
  var SHOWN_FOR = 2000; // milliseconds the button says what happened

  var status = null;

  function init() {
    var citations = document.querySelectorAll(".kd-cite");
    if (!citations.length) {
      return;
    }
    for (var i = 0; i < citations.length; i++) {
      addButton(citations[i]);
    }
    status = document.createElement("div");
    status.className = "kd-visually-hidden";
    status.setAttribute("role", "status");
    document.body.appendChild(status);
    document.addEventListener("click", onClick);
  }

  function addButton(citation) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "kd-cite-copy";
    var label = document.createElement("span");
    label.className = "kd-cite-copy-label";
    label.textContent = COPY;
    var named = document.createElement("span");
    named.className = "kd-visually-hidden";
    named.textContent = " citaat van " + (citation.getAttribute("data-kd-part") || "deze passage");
    button.appendChild(label);
    button.appendChild(named);
    citation.appendChild(document.createTextNode(" "));
    citation.appendChild(button);
  }

  function onClick(event) {
    var button = event.target instanceof Element ? event.target.closest(".kd-cite-copy") : null;
    var text = button && button.closest(".kd-cite").querySelector(".kd-cite-text");
    if (!text) {
      return;
    }
    copy(text.textContent.trim()).then(
      function () {
        tell(button, COPIED);
      },
      function () {
        select(text);
        tell(button, FAILED);
      }
    );
  }

  function copy(citation) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(citation).catch(function () {
        return copyBySelection(citation);
      });
    }
    return copyBySelection(citation);
  }

  /* Browsers without the asynchronous clipboard (or pages served over plain http): copy a
     selection of a temporary text field. */
  function copyBySelection(citation) {
    return new Promise(function (resolve, reject) {
      var field = document.createElement("textarea");
      var focused = document.activeElement;
      field.value = citation;
      field.setAttribute("readonly", "");
      field.className = "kd-visually-hidden";
      document.body.appendChild(field);
      field.select();
      var done = false;
      try {
        done = document.execCommand("copy");
      } catch (error) {
        done = false;
      }
      document.body.removeChild(field);
      if (focused && focused.focus) {
        focused.focus();
      }
      (done ? resolve : reject)();
    });
  }

  function select(element) {
    var range = document.createRange();
    range.selectNodeContents(element);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  function tell(button, message) {
    var label = button.querySelector(".kd-cite-copy-label");
    var word = label.getAttribute("data-kd-word") || label.textContent;
    label.setAttribute("data-kd-word", word);
    label.textContent = message;
    status.textContent = "";
    window.setTimeout(function () {
      status.textContent = message;
    }, 50); // a fresh change, so the same message is announced again
    window.clearTimeout(Number(button.getAttribute("data-kd-timer")));
    var timer = window.setTimeout(function () {
      label.textContent = word;
    }, SHOWN_FOR);
    button.setAttribute("data-kd-timer", String(timer));
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
