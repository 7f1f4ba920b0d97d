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
  function rulleboks(tabell) {
    var boks = tabell.parentElement;
    if (!boks.classList.contains("table-responsive")) {
      boks = document.createElement("div");
      boks.className = "table-responsive";
      tabell.parentNode.insertBefore(boks, tabell);
      boks.appendChild(tabell);
    }
    if (boks.tabIndex !== 0) boks.tabIndex = 0;
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
  document.addEventListener("change", function (event) {
    var el = event.target;
    if (el.matches("input[name=type]") && el.form) {
      el.form.querySelectorAll("select[data-opphav-for-bestilling]").forEach(tilpassOpphav);
    }
  });
})();
