// Porteføljeportalen's own behaviour. No inline scripts anywhere (Content Security Policy), so
// everything a page needs is wired here through data attributes.
(function () {
  "use strict";

  // A double-click must not post a form twice: disable its submit buttons once it is sent.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.dataset.allowResubmit !== undefined) return;
    if (form.dataset.submitted) { event.preventDefault(); return; }
    form.dataset.submitted = "1";
    form.querySelectorAll("button[type=submit], input[type=submit]").forEach(function (b) {
      b.setAttribute("aria-disabled", "true");
    });
  });

  // <button data-confirm="Er du sikker?"> asks before it submits.
  document.addEventListener("click", function (event) {
    var el = event.target.closest("[data-confirm]");
    if (el && !window.confirm(el.dataset.confirm)) event.preventDefault();
  });

  // <select data-autosubmit> and <input data-autosubmit> submit their form on change (filters).
  document.addEventListener("change", function (event) {
    var el = event.target;
    if (el.matches("[data-autosubmit]") && el.form) el.form.requestSubmit();
  });

  // The idea form's «source» (<select data-opphav-for-bestilling="politisk …">) offers only the
  // sources that fit the chosen kind (radio buttons name="type"), and picks a sensible default
  // when the current choice no longer fits.
  function tilpassOpphav(select) {
    var form = select.form;
    var valgt = form && form.querySelector("input[name=type]:checked");
    if (!valgt) return;
    var bestilling = valgt.value === "bestilling";
    var forBestilling = select.dataset.opphavForBestilling.split(" ");
    Array.prototype.forEach.call(select.options, function (option) {
      if (!option.value) return;
      var passer = (forBestilling.indexOf(option.value) !== -1) === bestilling;
      option.hidden = !passer;
      option.disabled = !passer;
    });
    select.querySelectorAll("optgroup").forEach(function (gruppe) {
      gruppe.hidden = !gruppe.querySelector("option:not([disabled])");
    });
    var gjeldende = select.options[select.selectedIndex];
    if (!gjeldende || gjeldende.disabled) {
      select.value = bestilling ? select.dataset.opphavStandardBestilling : select.dataset.opphavStandardIde;
    }
  }
  document.querySelectorAll("select[data-opphav-for-bestilling]").forEach(tilpassOpphav);

  // Wide tables scroll in their own box, never the page (375 px phones): every table sits in a
  // .table-responsive that a keyboard can reach and that is named after the table's caption
  // (or the heading just before it). Templates already wrap most tables; this makes it true for
  // all, and again for the tables htmx swaps in.
  var nesteId = 0;
  // Only a table that truly has more than its box scrolls, and then its first column stays put.
  function merkRulling(boks) {
    boks.classList.toggle("ruller", boks.scrollWidth > boks.clientWidth + 1);
  }
  function rulleboks(tabell) {
    var boks = tabell.parentElement;
    if (!boks.classList.contains("table-responsive")) {
      boks = document.createElement("div");
      boks.className = "table-responsive";
      tabell.parentNode.insertBefore(boks, tabell);
      boks.appendChild(tabell);
    }
    if (boks.tabIndex !== 0) boks.tabIndex = 0;
    if (window.ResizeObserver && !boks.dataset.maalt) {
      boks.dataset.maalt = "1";
      new ResizeObserver(function () { merkRulling(boks); }).observe(boks);
    }
    merkRulling(boks);
    if (boks.hasAttribute("aria-labelledby") || boks.hasAttribute("aria-label")) return;
    var navn = tabell.caption;
    if (!navn) {
      var forrige = boks.previousElementSibling;
      if (forrige && /^H[2-6]$/.test(forrige.tagName)) navn = forrige;
    }
    if (!navn) return;
    if (!navn.id) navn.id = "tabellnavn-" + (++nesteId);
    boks.setAttribute("role", "region");
    boks.setAttribute("aria-labelledby", navn.id);
  }
  function rulleboksene(rot) {
    rot.querySelectorAll("main table").forEach(rulleboks);
    rot.querySelectorAll("main table.stabel-pa-mobil").forEach(stabel);
  }

  // <table class="stabel-pa-mobil">: on a phone each row is a card, each cell introduced by its
  // column's heading (data-etikett, shown by portal.css). Cells laid out as blocks lose their
  // table roles in browsers, so the roles are set outright and screen readers keep the table.
  function kolonnenavn(th) {
    var kopi = th.cloneNode(true);
    kopi.querySelectorAll(".visually-hidden").forEach(function (e) { e.remove(); });
    return kopi.textContent.replace(/\s+/g, " ").trim();
  }
  function stabel(tabell) {
    var hode = tabell.tHead && tabell.tHead.rows[0];
    if (!hode) return;
    var navn = [];
    Array.prototype.forEach.call(hode.cells, function (th) {
      for (var i = 0; i < (th.colSpan || 1); i++) navn.push(i ? "" : kolonnenavn(th));
      th.setAttribute("role", "columnheader");
    });
    tabell.setAttribute("role", "table");
    Array.prototype.forEach.call(tabell.querySelectorAll("thead, tbody, tfoot"), function (del) {
      del.setAttribute("role", "rowgroup");
    });
    Array.prototype.forEach.call(tabell.rows, function (rad) {
      rad.setAttribute("role", "row");
      if (rad.parentElement === tabell.tHead) return;
      var kolonne = 0;
      Array.prototype.forEach.call(rad.cells, function (celle) {
        var radhode = celle.tagName === "TH";
        celle.setAttribute("role", radhode ? "rowheader" : "cell");
        if (!radhode && navn[kolonne] && celle.colSpan < navn.length) celle.dataset.etikett = navn[kolonne];
        kolonne += celle.colSpan || 1;
      });
    });
  }
  rulleboksene(document);

  // <div data-filterliste data-filter-etikett="…"> around a list of checkboxes: a labelled
  // search box above it hides the choices that do not match (chosen ones always stay).
  document.querySelectorAll("[data-filterliste]").forEach(function (liste, nr) {
    var valg = Array.prototype.slice.call(liste.querySelectorAll(".form-check"));
    if (valg.length < 2) return;
    var id = "filterliste-" + nr;
    var etikett = document.createElement("label");
    etikett.className = "form-label";
    etikett.htmlFor = id;
    etikett.textContent = liste.dataset.filterEtikett;
    var felt = document.createElement("input");
    felt.type = "search";
    felt.id = id;
    felt.className = "form-control mb-2";
    felt.autocomplete = "off";
    var ingen = document.createElement("p");
    ingen.className = "form-text";
    ingen.setAttribute("role", "status");
    var boks = valg[0].parentElement;
    boks.classList.add("filterliste-valg");
    boks.parentNode.insertBefore(etikett, boks);
    boks.parentNode.insertBefore(felt, boks);
    boks.parentNode.insertBefore(ingen, boks.nextSibling);
    felt.addEventListener("input", function () {
      var sok = felt.value.trim().toLowerCase();
      var synlige = 0;
      valg.forEach(function (v) {
        var treff = !sok || v.textContent.toLowerCase().indexOf(sok) !== -1 || v.querySelector("input").checked;
        v.hidden = !treff;
        if (treff) synlige += 1;
      });
      ingen.textContent = synlige ? "" : liste.dataset.filterIngen;
    });
  });
  document.body.addEventListener("htmx:afterSettle", function () { rulleboksene(document); });

  // A chart's table is folded under it (<details>): a link to the table, or an address that
  // names it, opens the fold first.
  function aapneFor(id) {
    var maal = id && document.getElementById(id);
    var fold = maal && maal.closest("details");
    if (fold && !fold.open) fold.open = true;
  }
  document.addEventListener("click", function (event) {
    var lenke = event.target.closest("a[href^='#']");
    if (lenke) aapneFor(decodeURIComponent(lenke.hash.slice(1)));
  });
  if (location.hash) aapneFor(decodeURIComponent(location.hash.slice(1)));
  document.addEventListener("change", function (event) {
    var el = event.target;
    if (el.matches("input[name=type]") && el.form) {
      el.form.querySelectorAll("select[data-opphav-for-bestilling]").forEach(tilpassOpphav);
    }
  });
})();
