/* The report's filters: search, rule, category, site and sort over the document views.
   Plain JavaScript, no library.  The state lives in the form and in the URL fragment
   (#rule=...&site=...&q=...&sort=...), so a filtered view can be linked, and the overview's
   rule, category and site names are links that set it. */
(function () {
  "use strict";
  var root = document.documentElement;
  var list = document.getElementById("doclist");
  var form = document.getElementById("filters");
  if (!list || !form) {
    root.setAttribute("data-ready", "1");
    return;
  }
  var shown = document.getElementById("shown");
  var KEYS = ["q", "rule", "category", "site", "sort"];
  var DEFAULT_SORT = "share-desc";
  var docs = Array.prototype.map.call(list.children, function (el) {
    var doubt = el.getAttribute("data-doubt");
    return {
      el: el,
      rules: JSON.parse(el.getAttribute("data-rules") || "[]"),
      cats: JSON.parse(el.getAttribute("data-cats") || "[]"),
      site: el.getAttribute("data-site") || "",
      share: parseFloat(el.getAttribute("data-share")) || 0,
      chars: parseInt(el.getAttribute("data-chars"), 10) || 0,
      doubt: doubt ? parseFloat(doubt) : 2,
      order: parseInt(el.getAttribute("data-order"), 10) || 0,
      text: null
    };
  });
  var SORTS = {
    "share-desc": function (a, b) { return b.share - a.share || b.chars - a.chars || a.order - b.order; },
    "share-asc": function (a, b) { return a.share - b.share || a.chars - b.chars || a.order - b.order; },
    "chars-desc": function (a, b) { return b.chars - a.chars || a.order - b.order; },
    "doubt": function (a, b) { return a.doubt - b.doubt || a.order - b.order; },
    "order": function (a, b) { return a.order - b.order; }
  };
  var currentSort = DEFAULT_SORT;

  function field(name) { return form.elements.namedItem(name); }

  function state() {
    var s = {};
    KEYS.forEach(function (key) { s[key] = field(key).value; });
    return s;
  }

  function ensureOption(select, value) {
    for (var i = 0; i < select.options.length; i++) {
      if (select.options[i].value === value) return;
    }
    var option = document.createElement("option");
    option.value = value;
    option.textContent = value + " (none shown)";
    select.appendChild(option);
  }

  function setState(s) {
    KEYS.forEach(function (key) {
      var el = field(key);
      var value = s[key] || (key === "sort" ? DEFAULT_SORT : "");
      if (key === "sort" && !SORTS[value]) value = DEFAULT_SORT;
      if (el.tagName === "SELECT" && value) ensureOption(el, value);
      el.value = value;
    });
  }

  function textOf(d) {
    if (d.text === null) d.text = d.el.textContent.toLowerCase();
    return d.text;
  }

  function matches(d, s, terms) {
    if (s.rule && d.rules.indexOf(s.rule) < 0) return false;
    if (s.category && d.cats.indexOf(s.category) < 0) return false;
    if (s.site && d.site !== s.site) return false;
    for (var i = 0; i < terms.length; i++) {
      if (textOf(d).indexOf(terms[i]) < 0) return false;
    }
    return true;
  }

  function apply() {
    var s = state();
    var terms = s.q.toLowerCase().split(/\s+/).filter(Boolean);
    var count = 0;
    docs.forEach(function (d) {
      var ok = matches(d, s, terms);
      d.el.hidden = !ok;
      if (ok) count += 1;
    });
    var sort = SORTS[s.sort] ? s.sort : DEFAULT_SORT;
    if (sort !== currentSort) {
      var fragment = document.createDocumentFragment();
      docs.slice().sort(SORTS[sort]).forEach(function (d) { fragment.appendChild(d.el); });
      list.appendChild(fragment);
      currentSort = sort;
    }
    shown.textContent = "Showing " + count + " of " + docs.length + " documents" +
      (count ? "." : ": none match the filters.");
  }

  function writeHash() {
    var s = state();
    var params = new URLSearchParams();
    KEYS.forEach(function (key) {
      if (s[key] && !(key === "sort" && s[key] === DEFAULT_SORT)) params.set(key, s[key]);
    });
    var text = params.toString();
    try {
      history.replaceState(null, "", text ? "#" + text : location.pathname + location.search);
    } catch (error) {
      /* some browsers refuse history changes on file:// pages; the filters still work */
    }
  }

  function openDoc(id) {
    var el = document.getElementById(id);
    if (!el || !el.classList.contains("doc")) return false;
    if (el.hidden) {
      setState({});
      apply();
    }
    el.open = true;
    el.scrollIntoView();
    return true;
  }

  function readHash() {
    var hash = location.hash.slice(1);
    try {
      hash = decodeURIComponent(hash);
    } catch (error) {
      return false;  /* not a fragment this page wrote */
    }
    if (/^doc-\d+$/.test(hash)) return openDoc(hash);
    if (location.hash.indexOf("=") < 0) return false;
    var params = new URLSearchParams(location.hash.slice(1));
    var s = {};
    KEYS.forEach(function (key) { s[key] = params.get(key) || ""; });
    setState(s);
    apply();
    return true;
  }

  var timer = null;
  form.addEventListener("input", function (event) {
    if (event.target !== field("q")) return;
    clearTimeout(timer);
    timer = setTimeout(function () { apply(); writeHash(); }, 120);
  });
  form.addEventListener("change", function (event) {
    if (event.target === field("q")) return;
    apply();
    writeHash();
  });
  form.addEventListener("reset", function () {
    setTimeout(function () { apply(); writeHash(); }, 0);
  });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  field("q").addEventListener("keydown", function (event) {
    if (event.key === "Escape" && field("q").value) {
      field("q").value = "";
      apply();
      writeHash();
    }
  });
  document.addEventListener("keydown", function (event) {
    var tag = (event.target && event.target.tagName) || "";
    if (event.key === "/" && !/^(INPUT|SELECT|TEXTAREA)$/.test(tag) && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      field("q").focus();
    }
  });
  window.addEventListener("hashchange", function () {
    if (readHash() && location.hash.indexOf("=") >= 0) {
      document.getElementById("documents").scrollIntoView();
    }
  });

  if (!readHash()) apply();
  root.setAttribute("data-ready", "1");
})();
