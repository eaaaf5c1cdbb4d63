// newsgraph: behaviour shared by every page (no inline scripts: the CSP forbids them).
"use strict";
(function () {
  // Read a <script type="application/json"> data block by id.
  window.newsgraphData = function (id) {
    var el = document.getElementById(id);
    if (!el) return null;
    try { return JSON.parse(el.textContent); } catch (e) { return null; }
  };
})();
