// Progressive enhancement only: the pages work without it. Relative times stay fresh; over Server-Sent Events
// new updates slide into a source's river, a story's source count changes in place, and new stories are announced
// in a bar the reader clicks, so that nothing moves under the reader's eyes.
(function () {
  "use strict";
  function rel(t, now) {
    var s = Math.floor((now - t) / 1000);
    if (s < 60) return "just now";
    if (s < 3600) return Math.floor(s / 60) + " min ago";
    if (s < 86400) return Math.floor(s / 3600) + " h ago";
    var d = Math.floor(s / 86400);
    if (d < 7) return d === 1 ? "1 day ago" : d + " days ago";
    return null;
  }
  function refresh() {
    var now = Date.now();
    document.querySelectorAll("time[data-rel]").forEach(function (el) {
      var r = rel(Date.parse(el.getAttribute("datetime")), now);
      if (r) el.textContent = r;
    });
  }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }
  function flag(cc) {
    return String.fromCodePoint(cc.charCodeAt(0) + 127397, cc.charCodeAt(1) + 127397);
  }
  function item(a) {
    var li = el("li", "item new");
    li.id = "a" + a.id;
    li.dataset.id = a.id;
    var t = el("a", "title", a.title);
    t.href = new URL(a.link).pathname;
    t.dir = "auto";
    if (a.language) t.lang = a.language;
    li.appendChild(t);
    var m = el("span", "meta");
    var s = el("a", null, a.source.title);
    s.href = "/source/" + a.source.id;
    m.appendChild(s);
    if (a.source.country) {
      m.appendChild(document.createTextNode(" "));
      var f = el("a", "flag", flag(a.source.country) + " " + a.source.country);
      f.href = "/country/" + a.source.country.toLowerCase();
      m.appendChild(f);
    }
    m.appendChild(document.createTextNode(" · "));
    var tm = el("time", null, "just now");
    tm.setAttribute("datetime", a.time);
    tm.setAttribute("data-rel", "");
    tm.title = new Date(a.time).toUTCString();
    m.appendChild(tm);
    li.appendChild(m);
    return li;
  }
  function wants(river, a) {
    var src = river.dataset.source, cs = river.dataset.countries;
    if (src && String(a.source.id) !== src) return false;
    if (cs) {
      var want = cs.split(" "), have = a.countries.concat(a.primary_countries);
      if (!have.length && a.source.country) have = [a.source.country];
      return have.some(function (c) { return want.indexOf(c) >= 0; });
    }
    return true;
  }
  function coverage(s) {
    var n = s.sources + (s.sources === 1 ? " source" : " sources");
    if (s.source_countries) n += ", " + s.source_countries + (s.source_countries === 1 ? " country" : " countries");
    return n;
  }
  function aboutWanted(list, s) {
    var cs = list.dataset.countries;
    if (!cs) return true;
    var want = cs.split(" ");
    return s.countries.some(function (c) { return want.indexOf(c) >= 0; });
  }
  function stories() {
    var list = document.getElementById("stories") || document.querySelector(".story-page");
    if (!list || !window.EventSource) return;
    var bar = document.getElementById("news-bar"), fresh = 0;
    var es = new EventSource("/api/v1/stream");
    es.addEventListener("story", function (ev) {
      var u = JSON.parse(ev.data), s = u.story;
      var shown = document.querySelectorAll("[data-story='" + s.id + "'] .coverage .n");
      shown.forEach(function (n) { n.textContent = coverage(s); });
      shown.forEach(function (n) {
        var link = n.parentNode;
        if (link.hasAttribute("aria-label")) link.setAttribute("aria-label", "Full coverage: " + coverage(s));
      });
      if (u.created && bar && !shown.length && aboutWanted(list, s)) {
        fresh++;
        // One new story opens its coverage (it may rank below the fold); several reload the ranked list.
        bar.firstChild.textContent = fresh === 1 ? "1 new story: show it" : fresh + " new stories: show them";
        bar.firstChild.setAttribute("href", fresh === 1 ? "/story/" + s.id : "");
        bar.hidden = false;
      }
    });
  }
  function live() {
    var river = document.getElementById("river");
    if (!river || !window.EventSource || river.querySelector("[data-id]") === null && river.dataset.lastId === undefined) return;
    if (document.querySelector("a[rel=next]") && location.search.indexOf("before=") >= 0) return;
    var es = new EventSource("/api/v1/stream?after=" + (river.dataset.lastId || 0));
    es.addEventListener("article", function (ev) {
      var a = JSON.parse(ev.data);
      if (document.getElementById("a" + a.id) || !wants(river, a)) return;
      var empty = document.getElementById("river-empty");
      if (empty) empty.remove();
      river.insertBefore(item(a), river.firstChild);
      while (river.children.length > 300) river.removeChild(river.lastChild);
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    refresh();
    setInterval(refresh, 30000);
    live();
    stories();
  });
})();
