/* Kamerdossier: search in the header's search box with Pagefind (issue 9).

   The build indexes the site with Pagefind into pagefind/ (generator/search.py);
   overrides/partials/search.html holds the box, disabled and saying that search needs
   JavaScript. This script enables it and, on the first query a reader types, loads pagefind.js
   (which fetches only the parts of the index the query needs): nothing is fetched before.

   Results look and behave like Material's own search: a page, then its best-matching questions
   or answers (the sections under headings with an id), each a link to its anchor. The count is
   announced to screen readers (a status region). As Material's search.highlight did, the page a
   result leads to marks the words found (passed as `?h=`, which is then taken off the address). Keys, as in Material: `/`, `s` or `f` open the
   search; arrow keys move between the box and the results; Enter in the box follows the best
   result; Escape closes.

   Letter text is untrusted: titles are set as text, and of an excerpt only Pagefind's own
   `<mark>` around the words found becomes markup (Pagefind writes the text's `<` and `>` as
   `&lt;` and `&gt;`); everything else is text. */
(function () {
  "use strict";

  var PAGE_SIZE = 10; // pages shown at once; "Meer resultaten tonen" shows the next ones
  var SECTIONS = 3; // sections shown under a page, best first
  var DELAY = 100; // milliseconds after the last keystroke before searching
  var OPEN_KEYS = { "/": true, s: true, f: true };
  var FAILED = "Zoeken lukt nu niet. Laad de pagina opnieuw om het nog eens te proberen.";
  var HIGHLIGHT = "h"; // the address parameter with the words to mark on the page a result opens
  var MOST_TERMS = 12;
  var NOT_MARKED = ".kd-cite, .headerlink, .footnote-backref, script, style, mark";

  var root, toggle, form, input, status, list, more;
  var pagefind = null; // a promise of the Pagefind module, made on the first query
  var hidden = {}; // ids of the fragments that a later part of the index replaces
  var current = 0; // number of the latest search; the answers to older ones are dropped
  var latest = Promise.resolve(); // settles when the latest search is shown
  var pending = []; // results of the latest search not shown yet
  var words = 1; // words in the latest query
  var timer = 0;

  function init() {
    try {
      highlight();
    } catch (error) {
      window.console.error(error); // marking the words found is a help; search works without it
    }
    root = document.querySelector("[data-kd-search]");
    toggle = document.getElementById("__search");
    if (!root || !toggle) {
      return;
    }
    form = root.querySelector("form");
    input = form.querySelector("input");
    status = root.querySelector("#kd-search-status");
    list = root.querySelector(".md-search-result__list");
    more = root.querySelector(".kd-search-more");
    root.querySelector(".kd-search-nojs").hidden = true;
    input.placeholder = input.getAttribute("data-kd-placeholder");
    input.disabled = false;

    input.addEventListener("focus", function () {
      toggle.checked = true;
    });
    input.addEventListener("input", onInput);
    form.addEventListener("submit", onSubmit);
    form.addEventListener("reset", onReset);
    toggle.addEventListener("change", function () {
      if (toggle.checked) {
        input.focus();
      } else {
        input.blur();
      }
    });
    more.addEventListener("click", onMore);
    list.addEventListener("click", onFollow);
    root.addEventListener("keydown", onKeyInSearch);
    root.addEventListener("focusout", onFocusOut);
    document.addEventListener("keydown", onKeyAnywhere);
  }

  /* Searching */

  function onInput() {
    window.clearTimeout(timer);
    var query = input.value.trim();
    if (!query) {
      clear();
      return;
    }
    timer = window.setTimeout(function () {
      search(query);
    }, DELAY);
  }

  function search(query) {
    var number = ++current;
    words = query.split(/\s+/).length;
    latest = load()
      .then(function (module) {
        return module.search(query);
      })
      .then(function (found) {
        if (number !== current) {
          return;
        }
        pending = closestFirst(currentResults(found.results));
        var total = pending.length;
        list.textContent = "";
        return showMore(number).then(function () {
          if (number === current) {
            status.textContent = count(total, query);
          }
        });
      })
      .catch(function (error) {
        if (number === current) {
          status.textContent = FAILED;
        }
        window.console.error(error);
      });
    return latest;
  }

  /* The results (best first) without those a later part replaces: a part's pages changed since
     it was indexed are indexed again, with the pages around them, in the part of changes, and
     their old fragments are listed as hidden in delen.json. */
  function currentResults(results) {
    return results.filter(function (result) {
      return !hidden[result.id];
    });
  }

  /* For a query of several words, Pagefind's best PAGE_SIZE results with the pages where the words
     stand closest together first (Pagefind ranks by how often and where the words occur, not by
     how near each other they are), then in Pagefind's order: a phrase typed in full brings up a
     page that holds it first. */
  function closestFirst(results) {
    if (words < 2) {
      return results;
    }
    var span = Math.max(4, 2 * words);
    var best = results
      .slice(0, PAGE_SIZE)
      .map(function (result, order) {
        return { result: result, order: order, dense: densest(result.words || [], span) };
      })
      .sort(function (a, b) {
        return b.dense - a.dense || a.order - b.order;
      })
      .map(function (entry) {
        return entry.result;
      });
    return best.concat(results.slice(PAGE_SIZE));
  }

  /* The part of changes gives its pages' addresses with `index.html` (so that its fragments are
     never those it hides): the address of the page itself, as every other part gives it. */
  function pageAddress(url) {
    return url.replace(/\/index\.html(?=$|[?#])/, "/");
  }

  /* Load pagefind.js from the site itself; Pagefind then fetches its index beside it. A large
     site is indexed in parts (generator/search.py): delen.json lists the other parts' folders,
     merged here into the first (they share its WebAssembly), and the fragments they replace. */
  function load() {
    if (!pagefind) {
      var bundle = new URL(root.getAttribute("data-kd-bundle"), document.baseURI).href;
      pagefind = import(bundle).then(function (module) {
        return module
          .init()
          .then(function () {
            return window.fetch(new URL("delen.json", bundle).href);
          })
          .then(function (response) {
            return response.ok ? response.json() : { parts: [], hidden: [] };
          })
          .then(function (listing) {
            hidden = {};
            listing.hidden.forEach(function (id) {
              hidden[id] = true;
            });
            return Promise.all(
              listing.parts.map(function (part) {
                return module.mergeIndex(new URL(part, bundle).pathname);
              })
            );
          })
          .then(function () {
            return module;
          });
      });
      pagefind.catch(function () {
        pagefind = null; // try again with the next query
      });
    }
    return pagefind;
  }

  /* Show the next PAGE_SIZE results; each needs its fragment of the index, fetched now. */
  function showMore(number) {
    var batch = pending.splice(0, PAGE_SIZE);
    return Promise.all(
      batch.map(function (result) {
        return result.data();
      })
    ).then(function (pages) {
      if (number !== current) {
        return [];
      }
      var shown = pages.map(function (page) {
        var item = result(page);
        list.appendChild(item);
        return item;
      });
      more.hidden = pending.length === 0;
      return shown;
    });
  }

  function clear() {
    current++;
    pending = [];
    list.textContent = "";
    status.textContent = "";
    more.hidden = true;
  }

  function count(found, query) {
    var what = found === 0 ? "Geen pagina's" : found === 1 ? "1 pagina" : found + " pagina's";
    return what + " gevonden voor ‘" + query + "’";
  }

  /* Rendering: text only, apart from Pagefind's <mark> */

  function result(page) {
    var item = element("li", "md-search-result__item");
    var sections = bestSections(page.sub_results || []);
    // The page's excerpt only where no section shows the passage.
    var url = pageAddress(page.url);
    var pageLink = link(url, page.meta.title || url, sections.length ? "" : page.excerpt, true);
    pageLink.href = withHighlight(url, page.excerpt);
    item.appendChild(pageLink);
    sections.forEach(function (section) {
      var sectionUrl = pageAddress(section.url);
      var sectionLink = link(sectionUrl, section.title, section.excerpt, false);
      sectionLink.href = withHighlight(sectionUrl, section.excerpt);
      item.appendChild(sectionLink);
    });
    return item;
  }

  function link(url, title, excerpt, isPage) {
    var anchor = element("a", "md-search-result__link");
    anchor.href = url;
    var article = element("div", "md-search-result__article md-typeset" + (isPage ? " kd-search-result__page" : ""));
    if (isPage) {
      article.appendChild(element("div", "md-search-result__icon md-icon"));
    }
    var heading = element("div", "kd-search-result__title");
    heading.textContent = title;
    article.appendChild(heading);
    if (excerpt) {
      var teaser = element("p", "kd-search-result__teaser");
      teaser.appendChild(marked(excerpt));
      article.appendChild(teaser);
    }
    anchor.appendChild(article);
    return anchor;
  }

  /* Pagefind's excerpt as nodes: its <mark> and </mark> become a <mark> element around text;
     the rest is text, with the `&lt;` and `&gt;` Pagefind wrote for the text's own < and >
     turned back. A letter's `<mark>` is `&lt;mark&gt;` here, so it stays text. */
  function marked(excerpt) {
    var nodes = document.createDocumentFragment();
    var inside = false;
    String(excerpt || "")
      .split(/(<\/?mark>)/)
      .forEach(function (part) {
        if (part === "<mark>" || part === "</mark>") {
          inside = part === "<mark>";
          return;
        }
        if (!part) {
          return;
        }
        var text = document.createTextNode(part.replace(/&lt;/g, "<").replace(/&gt;/g, ">"));
        if (inside) {
          var mark = document.createElement("mark");
          mark.appendChild(text);
          nodes.appendChild(mark);
        } else {
          nodes.appendChild(text);
        }
      });
    return nodes;
  }

  /* The words Pagefind marked in an excerpt (as found in the text, so `oplossing` for a query
     `oplossingen`), without the punctuation around them. */
  function markedWords(excerpt) {
    var words = [];
    var parts = String(excerpt || "").split(/<mark>|<\/mark>/);
    for (var i = 1; i < parts.length; i += 2) {
      var word = parts[i].replace(/&lt;|&gt;/g, " ").replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "").toLowerCase();
      if (word && words.indexOf(word) < 0) {
        words.push(word);
      }
    }
    return words.slice(0, MOST_TERMS);
  }

  function withHighlight(url, excerpt) {
    var words = markedWords(excerpt);
    if (!words.length) {
      return url;
    }
    var address = new URL(url, window.location.href);
    address.searchParams.set(HIGHLIGHT, words.join(" "));
    return address.pathname + address.search + address.hash;
  }

  /* On the page a result opened: mark the words found in the page's content, then take `?h=`
     off the address, so that a copied address is the page's own. */
  function highlight() {
    var address = new URL(window.location.href);
    var words = (address.searchParams.get(HIGHLIGHT) || "").split(/\s+/).filter(function (word) {
      return word.length > 1 && word.length <= 60;
    });
    if (address.searchParams.has(HIGHLIGHT)) {
      address.searchParams.delete(HIGHLIGHT);
      window.history.replaceState(window.history.state, "", address.pathname + address.search + address.hash);
    }
    var content = document.querySelector("article.md-content__inner");
    if (!words.length || !content) {
      return;
    }
    var escaped = words.slice(0, MOST_TERMS).map(function (word) {
      return word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    });
    var pattern = new RegExp("(^|[^\\p{L}\\p{N}])(" + escaped.join("|") + ")(?![\\p{L}\\p{N}])", "giu");
    var walker = document.createTreeWalker(content, NodeFilter.SHOW_TEXT);
    var texts = [];
    while (walker.nextNode()) {
      var parent = walker.currentNode.parentElement;
      if (parent && !parent.closest(NOT_MARKED)) {
        texts.push(walker.currentNode);
      }
    }
    texts.forEach(function (node) {
      markIn(node, pattern);
    });
  }

  /* Split a text node around each word `pattern` finds (group 2, after the non-letter or start
     of group 1) and wrap the words in <mark>. */
  function markIn(node, pattern) {
    var text = node.nodeValue;
    pattern.lastIndex = 0;
    var match = pattern.exec(text);
    if (!match) {
      return;
    }
    var nodes = document.createDocumentFragment();
    var from = 0;
    while (match) {
      var start = match.index + match[1].length;
      nodes.appendChild(document.createTextNode(text.slice(from, start)));
      var mark = element("mark", "kd-search-highlight");
      mark.textContent = match[2];
      nodes.appendChild(mark);
      from = start + match[2].length;
      match = pattern.exec(text);
    }
    nodes.appendChild(document.createTextNode(text.slice(from)));
    node.parentNode.replaceChild(nodes, node);
  }

  /* The sections (questions, answers: headings below the page title) where the query's words
     stand closest together, then those with the most of them; the page's own order breaks ties.
     A phrase typed in full thus brings up the passage that holds it first. */
  function bestSections(sections) {
    var span = Math.max(4, 2 * words);
    return sections
      .map(function (section, order) {
        var found = section.locations || [];
        return { section: section, order: order, dense: densest(found, span), found: found.length };
      })
      .filter(function (entry) {
        var anchor = entry.section.anchor;
        return entry.found > 0 && anchor && anchor.element !== "h1";
      })
      .sort(function (a, b) {
        return b.dense - a.dense || b.found - a.found || a.order - b.order;
      })
      .slice(0, SECTIONS)
      .map(function (entry) {
        return entry.section;
      });
  }

  /* The most word positions within any `span` consecutive words. */
  function densest(locations, span) {
    var sorted = locations.slice().sort(function (a, b) {
      return a - b;
    });
    var best = 0;
    var start = 0;
    for (var end = 0; end < sorted.length; end++) {
      while (sorted[end] - sorted[start] >= span) {
        start++;
      }
      best = Math.max(best, end - start + 1);
    }
    return best;
  }

  /* Opening, closing and keys */

  function onSubmit(event) {
    event.preventDefault(); // Enter: follow the best link of the first result, once it is there
    window.clearTimeout(timer);
    var query = input.value.trim();
    if (!query) {
      return;
    }
    search(query).then(function () {
      var first = list.querySelector(".md-search-result__item");
      var best = first && (first.querySelector("a + a") || first.querySelector("a"));
      if (best) {
        best.click();
      }
    });
  }

  function onReset() {
    window.clearTimeout(timer);
    clear();
    window.setTimeout(function () {
      input.focus();
    }, 0);
  }

  function onMore() {
    var number = current;
    showMore(number).then(function (shown) {
      var next = shown.length && shown[0].querySelector("a");
      if (next) {
        next.focus(); // keyboard readers go on where the new results start
      }
    });
  }

  /* A result on this same page only scrolls: close the search so the passage shows. */
  function onFollow(event) {
    if (event.target instanceof Element && event.target.closest("a")) {
      close();
    }
  }

  function close() {
    toggle.checked = false;
    input.blur();
  }

  function onKeyInSearch(event) {
    if (event.key === "Escape") {
      event.preventDefault();
      close();
    } else if ((event.key === "ArrowDown" || event.key === "ArrowUp") && toggle.checked) {
      var stops = [input].concat(Array.prototype.slice.call(list.querySelectorAll("a")));
      if (!more.hidden) {
        stops.push(more);
      }
      var at = stops.indexOf(document.activeElement);
      if (at < 0 || stops.length < 2) {
        return;
      }
      event.preventDefault();
      var step = event.key === "ArrowDown" ? 1 : -1;
      stops[(at + step + stops.length) % stops.length].focus();
    }
  }

  /* Focus moved on to something outside the search (Tab past the results): close it. */
  function onFocusOut(event) {
    var to = event.relatedTarget;
    if (to instanceof Node && !root.contains(to)) {
      toggle.checked = false;
    }
  }

  function onKeyAnywhere(event) {
    if (toggle.checked || event.ctrlKey || event.metaKey || event.altKey || !OPEN_KEYS[event.key]) {
      return;
    }
    if (typing(event.target)) {
      return;
    }
    event.preventDefault();
    toggle.checked = true;
    input.focus();
    input.select();
  }

  function typing(target) {
    return (
      target instanceof Element &&
      (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))
    );
  }

  function element(name, className) {
    var node = document.createElement(name);
    node.className = className;
    return node;
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
