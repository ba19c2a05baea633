/* Site search for Thai text: substring matching, so it never depends on how
   a word cutter splits a sentence. Loaded only by the search page; once the reader
   searches it fetches the head of the index (search/index.json), then only the gram
   table files and text files the query needs (search_shards.py). See docs/search.md.
   The folding here must stay the same as `normalize`/`fold` in search_fold.py. */
(function () {
  "use strict";
  var form = document.querySelector("form[data-search-index]");
  if (!form || !window.fetch || !window.URLSearchParams || !"".normalize) return;
  var input = form.querySelector("input[name=q]");
  var status = document.getElementById("search-status");
  var region = document.getElementById("search-results");
  var help = document.getElementById("search-help");
  var indexUrl = new URL(form.getAttribute("data-search-index"), document.baseURI);
  var baseTitle = document.title;
  var MAX = 50, CONTEXT = 50, LENGTH = 160;
  var pages = null, byUrl = {}, rootHref = "", avg = 0, loading = null, run = 0, timer = 0;
  var head = null, chunkOf = [], raw = {}, sq = {}, files = {};

  function normalize(s) {
    return s.normalize("NFC")
      .replace(/[\u00ad\u180e\u200b-\u200d\u2060\ufeff]/g, "")
      .replace(/\u0e4d([\u0e48-\u0e4b]?)\u0e32/g, "$1\u0e33")
      .replace(/([\u0e48-\u0e4b])([\u0e31\u0e34-\u0e3a\u0e47])/g, "$2$1");
  }
  // Same length in, same length out: A-Z lower case, Thai digits as 0-9, dashes as "-".
  function fold(s) {
    return s.replace(/[A-Z\u0e50-\u0e59\u2010-\u2015\u2212]/g, function (c) {
      var n = c.charCodeAt(0);
      return n < 128 ? String.fromCharCode(n + 32) : n < 0x2000 ? String.fromCharCode(n - 0x0e50 + 48) : "-";
    });
  }
  function squeeze(s) { return fold(s).replace(/ /g, ""); }

  function getJson(name) {
    // the head revalidates (a 304 when unchanged): a rebuilt site must not be searched with an
    // old index; the files it points to carry its id, so they are fetched once per build
    if (!files[name]) {
      var href = new URL(name + (head ? "?v=" + head.id : ""), indexUrl).href;
      files[name] = fetch(href, head ? undefined : { cache: "no-cache" }).then(function (r) {
        if (!r.ok) throw new Error(r.status);
        return r.json();
      });
      files[name].catch(function () { delete files[name]; });
    }
    return files[name];
  }
  function load() {
    if (!loading) {
      loading = getJson("index.json").then(function (idx) {
        head = idx;
        var root = new URL(idx.root, indexUrl);
        rootHref = root.href;
        idx.ends.forEach(function (end, c) { while (chunkOf.length < end) chunkOf.push(c); });
        pages = idx.pages.map(function (p, n) {
          return {
            n: n, url: new URL(p[0], root).href, title: p[1], t: squeeze(p[1]), len: p[3],
            secs: p[2].map(function (s) { return { id: s[0], h: s[1], hs: squeeze(s[1]), n: s[2] }; })
          };
        });
        pages.forEach(function (p, n) {
          byUrl[p.url] = p;
          avg += p.len / pages.length;
          p.y = /^\d{4}\//.test(idx.pages[n][0]) ? parseInt(idx.pages[n][0], 10) : 0;  // 0: a page of no year
        });
      });
      loading.catch(function () { loading = null; delete files["index.json"]; });
    }
    return loading;
  }
  // The text files (chunks) that may hold `t`: those listed for each of up to `per_term` of
  // its runs of `gram` characters (a shorter term whole). Same cut as search_shards.py.
  function bucket(g) {
    var h = 0;
    Array.from(g).forEach(function (c) { h = (h * 31 + c.codePointAt(0)) % 65521; });
    return h % head.buckets;
  }
  function candidates(t) {
    var cs = Array.from(t), n = Math.min(head.gram, cs.length), gs = [], k = head.per_term, i;
    for (i = 0; i + n <= cs.length; i++) gs.push(cs.slice(i, i + n).join(""));
    if (gs.length > k) {
      var spread = [];
      for (i = 0; i < k; i++) spread.push(gs[Math.floor(i * (gs.length - 1) / (k - 1))]);
      gs = spread;
    }
    return Promise.all(gs.map(function (g) { return getJson("g/" + bucket(g) + ".json"); })).then(function (tables) {
      var found = null;
      gs.forEach(function (g, j) {
        var here = {}, at = 0;
        (tables[j][g] || []).forEach(function (gap) { at += gap; if (!found || found[at]) here[at] = true; });
        found = here;
      });
      return found;
    });
  }
  function loadChunks(cs) {
    return Promise.all(cs.map(function (c) {
      return getJson("t/" + c + ".json").then(function (list) {
        var first = c ? head.ends[c - 1] : 0;
        list.forEach(function (text, i) {
          if (!(first + i in raw)) { raw[first + i] = text; sq[first + i] = squeeze(text); }
        });
      });
    }));
  }
  // Fetches the text files a page that can still match needs: a page matches only if every
  // term is in its title, a heading, or a text whose file may hold the term.
  function fetchFor(ts) {
    return Promise.all(ts.map(candidates)).then(function (cands) {
      var need = {};
      pages.forEach(function (p) {
        var ok = ts.every(function (t, k) {
          return p.t.indexOf(t) >= 0 || p.secs.some(function (s) { return s.hs.indexOf(t) >= 0 || cands[k][chunkOf[s.n]]; });
        });
        if (ok) p.secs.forEach(function (s) {
          var c = chunkOf[s.n];
          if (!(s.n in raw) && cands.some(function (f) { return f[c]; })) need[c] = true;
        });
      });
      return loadChunks(Object.keys(need).map(Number));
    });
  }
  function matched(s) { return sq[s.n] || ""; }  // "" for a text not fetched: it holds no term
  function stored(s) { return raw[s.n] || ""; }

  function terms(q) {
    var seen = {};
    return fold(normalize(q)).split(/\s+/).filter(function (t) {
      return t && !seen[t] && (seen[t] = true);
    });
  }
  function count(hay, t, cap) {
    var n = 0, i = hay.indexOf(t);
    while (i >= 0 && n < cap) { n++; i = hay.indexOf(t, i + t.length); }
    return n;
  }
  // 0 unless every term occurs; title hits outweigh heading hits outweigh body hits.
  function score(p, ts, phrase) {
    var total = 0, k, j, s;
    for (k = 0; k < ts.length; k++) {
      var t = ts[k], head = 0, body = 0;
      s = p.t.indexOf(t) >= 0 ? 100 : 0;
      for (j = 0; j < p.secs.length; j++) {
        if (p.secs[j].hs.indexOf(t) >= 0) head++;
        body += count(matched(p.secs[j]), t, 50);
      }
      if (!s && !head && !body) return 0;
      // body hits saturate and count less in long pages (as BM25 does): at most 10
      total += s + 20 * Math.min(head, 3) + 10 * body / (body + 0.25 + 0.75 * p.len / avg);
    }
    if (p.t === phrase) total += 1000;
    else if (p.t.indexOf(phrase) >= 0) total += 200 + Math.round(100 * phrase.length / p.t.length);
    else if (ts.length > 1) {
      for (j = 0; j < p.secs.length; j++) {
        if (p.secs[j].hs.indexOf(phrase) >= 0) { total += 40; break; }
        if (matched(p.secs[j]).indexOf(phrase) >= 0) { total += 10; break; }
      }
    }
    return total;
  }

  function band(s) { return s >= 1000 ? 3 : s >= 200 ? 2 : s >= 100 ? 1 : 0; }

  // Ranges [start, end) in `text` where a term occurs, spaces inside the text ignored.
  function ranges(text, ts) {
    var f = fold(text), map = [], sq = "", out = [], i, k;
    for (i = 0; i < f.length; i++) if (f[i] !== " ") { map.push(i); sq += f[i]; }
    for (k = 0; k < ts.length; k++) {
      for (i = sq.indexOf(ts[k]); i >= 0; i = sq.indexOf(ts[k], i + 1)) {
        out.push([map[i], map[i + ts[k].length - 1] + 1]);
      }
    }
    out.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
    return out;
  }
  // Text with the hits of `ts` in <mark>, built as DOM nodes (never HTML).
  function marked(el, text, ts, from, to) {
    var rs = ranges(text, ts), at = from;
    for (var i = 0; i < rs.length; i++) {
      var a = Math.max(rs[i][0], at), b = Math.min(rs[i][1], to);
      if (b <= a) continue;
      if (a > at) el.appendChild(document.createTextNode(text.slice(at, a)));
      var m = document.createElement("mark");
      m.textContent = text.slice(a, b);
      el.appendChild(m);
      at = b;
    }
    if (at < to) el.appendChild(document.createTextNode(text.slice(at, to)));
    return el;
  }
  // A cut at `i` moved back to the start of a word (Intl.Segmenter knows Thai
  // words; it is used for the display only), or to a space, at most 15 back.
  var words = window.Intl && Intl.Segmenter ? new Intl.Segmenter("th", { granularity: "word" }) : null;
  function snap(text, i) {
    if (i <= 0 || i >= text.length) return Math.min(Math.max(0, i), text.length);
    var lo = Math.max(0, i - 15), best = text.lastIndexOf(" ", i) + 1;
    if (words) {
      Array.from(words.segment(text.slice(lo, i + 15))).forEach(function (w) {
        if ((w.index > 0 || lo === 0) && lo + w.index <= i) best = Math.max(best, lo + w.index);
      });
    }
    return best > lo || lo === 0 ? best : i;
  }
  function longestOf(ts) { return ts.slice().sort(function (a, b) { return b.length - a.length; })[0]; }
  // The section the snippet comes from: the first with the longest term in its text, else in its heading, else the first.
  function snippetSection(p, longest) {
    var best = null, j;
    for (j = 0; j < p.secs.length && !best; j++) if (matched(p.secs[j]).indexOf(longest) >= 0) best = p.secs[j];
    for (j = 0; j < p.secs.length && !best; j++) if (p.secs[j].hs.indexOf(longest) >= 0) best = p.secs[j];
    return best || p.secs[0];
  }
  function snippet(p, ts) {
    var longest = longestOf(ts), best = snippetSection(p, longest);
    if (!best || !stored(best)) return null;
    var text = stored(best).replace(/\n/g, " ");
    var hit = ranges(text, [longest])[0];
    var from = snap(text, hit ? hit[0] - CONTEXT : 0), to = snap(text, from + LENGTH);
    var el = document.createElement("p");
    if (from > 0) el.appendChild(document.createTextNode("… "));
    marked(el, text, ts, from, to);
    if (to < text.length) el.appendChild(document.createTextNode(" …"));
    return { el: el, sec: best };
  }

  // Titles of the pages above this one (e.g. the year of an item), home left out.
  function ancestors(p) {
    var out = [], u = p.url;
    while ((u = u.replace(/[^/]*\/?$/, "")) && u !== rootHref && byUrl[u]) out.unshift(byUrl[u].title);
    return out;
  }
  function show(q, list) {
    var old = document.getElementById("search-list");
    if (old) old.parentNode.removeChild(old);
    document.title = q ? q + " – " + baseTitle : baseTitle;
    if (help) help.hidden = true;
    if (!q) { status.textContent = ""; return; }
    if (!list.length) {
      status.textContent = "ไม่พบผลการค้นหาสำหรับ “" + q + "”";
      if (help) help.hidden = false;  // what to try instead (search page)
      return;
    }
    status.textContent = "พบ " + list.length + " รายการสำหรับ “" + q + "”" +
      (list.length > MAX ? " (แสดง " + MAX + " รายการแรก)" : "");
    var ts = terms(q), ol = document.createElement("ol");
    ol.id = "search-list";
    ol.className = "ita-search-results";
    list.slice(0, MAX).forEach(function (p) {
      var li = document.createElement("li"), h = document.createElement("a");
      h.href = p.url;
      h.className = "ita-search-results__title";
      marked(h, p.title, ts, 0, p.title.length);
      li.appendChild(h);
      var s = snippet(p, ts), path = document.createElement("div"), trail = ancestors(p);
      path.className = "ita-search-results__path";
      path.textContent = trail.join(" › ");
      if (s && s.sec.id && s.sec.h) {
        var w = document.createElement("a");
        w.href = p.url + "#" + encodeURIComponent(s.sec.id);
        w.textContent = s.sec.h;
        w.style.textDecoration = "underline";
        if (trail.length) path.appendChild(document.createTextNode(" › "));
        path.appendChild(w);
      }
      if (path.firstChild) li.appendChild(path);
      if (s) li.appendChild(s.el);
      ol.appendChild(li);
    });
    region.appendChild(ol);
  }

  function search(q) {
    var mine = ++run;
    q = q.replace(/\s+/g, " ").trim();
    if (!q) { show("", []); return; }
    if (!pages) status.textContent = "กำลังค้นหา…";
    var ts = terms(q), phrase = ts.join(""), list;
    load().then(function () {
      return mine === run && fetchFor(ts);
    }).then(function () {
      if (mine !== run) return;
      list = pages.map(function (p) { return { p: p, s: score(p, ts, phrase) }; })
        .filter(function (h) { return h.s > 0; })
        // within a class of match (title is the query, holds it, holds a term, only the text does)
        // the newest year comes first, so the current year's page leads the same item of past
        // years, then the pages of no year (home, procurement, policies)
        .sort(function (a, b) { return band(b.s) - band(a.s) || b.p.y - a.p.y || b.s - a.s || a.p.n - b.p.n; })
        .map(function (h) { return h.p; });
      // a result whose snippet comes from a text without a hit (the term is in its title) needs that text too
      var need = {}, longest = longestOf(ts);
      list.slice(0, MAX).forEach(function (p) {
        var s = snippetSection(p, longest);
        if (s && !(s.n in raw)) need[chunkOf[s.n]] = true;
      });
      return loadChunks(Object.keys(need).map(Number));
    }).then(function () {
      if (mine === run) show(q, list);
    }, function () {
      if (mine === run) status.textContent = "โหลดข้อมูลการค้นหาไม่สำเร็จ โปรดลองใหม่อีกครั้ง";
    });
  }

  function remember(q) {
    var url = new URL(location.href);
    if (q) url.searchParams.set("q", q); else url.searchParams.delete("q");
    if (url.href !== location.href) history.replaceState(null, "", url.href);
  }
  function fromUrl() {
    var q = new URLSearchParams(location.search).get("q") || "";
    input.value = q;
    if (!q && document.activeElement === document.body) input.focus();  // an empty page: type at once
    search(q);
  }

  form.addEventListener("submit", function (e) {
    e.preventDefault();
    clearTimeout(timer);
    remember(input.value.trim());
    search(input.value);
  });
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { remember(input.value.trim()); search(input.value); }, 250);
  });
  window.addEventListener("popstate", fromUrl);
  fromUrl();
})();
