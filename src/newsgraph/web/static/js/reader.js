// Article reader: layer toggles, and the side panel's facts flashing their evidence.
"use strict";
(function () {
  var reader = document.getElementById("reader");
  if (!reader) return;

  // One checkbox per layer; unchecked adds "hide-LAYER" to the reader, which CSS uses
  // to drop that layer's styling (the text itself always stays).
  var boxes = document.querySelectorAll("#layers input[data-layer]");
  function apply(box) {
    reader.classList.toggle("hide-" + box.dataset.layer, !box.checked);
    document.getElementById("facts").classList.toggle("hide-" + box.dataset.layer, !box.checked);
  }
  boxes.forEach(function (box) {
    box.addEventListener("change", function () { apply(box); });
    apply(box);  // a reload may keep the boxes' states
  });

  function segments(token) {
    return reader.querySelectorAll('[data-facts~="' + CSS.escape(token) + '"]');
  }

  function flash(token) {
    var segs = segments(token);
    if (!segs.length) return false;
    segs[0].scrollIntoView({ behavior: "smooth", block: "center" });
    segs.forEach(function (s) {
      s.classList.remove("flash");
      void s.offsetWidth;  // restart the animation
      s.classList.add("flash");
    });
    window.setTimeout(function () {
      segs.forEach(function (s) { s.classList.remove("flash"); });
    }, 1800);
    return true;
  }

  document.querySelectorAll("#facts a.fact[data-fact]").forEach(function (link) {
    link.addEventListener("click", function (ev) {
      if (flash(link.dataset.fact)) {
        ev.preventDefault();
        history.replaceState(null, "", "#f-" + link.dataset.fact);
        document.querySelectorAll("#facts .fact-item.active").forEach(function (li) { li.classList.remove("active"); });
        link.closest(".fact-item").classList.add("active");
      }
    });
  });

  // Clicking highlighted text selects its facts in the panel.
  reader.addEventListener("click", function (ev) {
    var seg = ev.target.closest(".hl");
    if (!seg) return;
    var tokens = seg.dataset.facts.split(" ");
    document.querySelectorAll("#facts .fact-item.active").forEach(function (li) { li.classList.remove("active"); });
    var first = null;
    tokens.forEach(function (t) {
      var link = document.querySelector('#facts a.fact[data-fact="' + CSS.escape(t) + '"]');
      if (link) { link.closest(".fact-item").classList.add("active"); first = first || link; }
    });
    if (first) first.scrollIntoView({ behavior: "smooth", block: "nearest" });
  });

  // Arriving with ?focus=E1 or #f-q-0: flash that fact.
  var start = reader.dataset.focus || (location.hash.indexOf("#f-") === 0 ? location.hash.slice(3) : "");
  if (start) window.setTimeout(function () { flash(start); }, 150);
})();
