// KCFund pages: light progressive enhancement only. Everything works without this script; with it,
// cost lines add up as they are typed (exact integer arithmetic with BigInt, never floating point),
// amounts show in vi-VN form, forms are not sent twice by a double click, and risky buttons ask first.
(function () {
  'use strict';

  // ---- exact decimals: a value as a BigInt of units of 10^-places ------------------------------
  function scaled(text, places) {
    var t = String(text == null ? '' : text).trim();
    if (/^\d{1,3}([. ]\d{3})+$/.test(t)) t = t.replace(/[. ]/g, ''); // 1.250.000
    if (/^\d+,\d+$/.test(t)) t = t.replace(',', '.'); // 1,5
    var m = /^(\d+)(?:\.(\d+))?$/.exec(t);
    if (!m) return null;
    var frac = (m[2] || '');
    if (frac.length > places) frac = frac.slice(0, places);
    while (frac.length < places) frac += '0';
    return BigInt(m[1] + frac);
  }
  function pow10(n) { var p = BigInt(1); for (var i = 0; i < n; i++) p *= BigInt(10); return p; }
  function format(units, places, currency) {
    var negative = units < BigInt(0);
    var s = (negative ? -units : units).toString();
    while (s.length <= places) s = '0' + s;
    var int = places ? s.slice(0, s.length - places) : s;
    var frac = places ? s.slice(s.length - places) : '';
    int = int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
    return (negative ? '-' : '') + int + (frac ? ',' + frac : '') + ' ' + (currency === 'VND' ? '₫' : currency);
  }
  function placesOf(currency) { return currency === 'VND' ? 0 : 2; }
  // Writes only what changed: a rewrite of equal text still moves the layout (and the scroll
  // anchoring of a phone's page) under a finger that is tapping a button.
  function setText(el, text) { if (el && el.textContent !== text) el.textContent = text; }
  function percentText(rate) {
    var r = scaled(rate, 6);
    if (r === null) return '';
    var whole = (r / BigInt(10000)).toString();
    var frac = (r % BigInt(10000)).toString();
    while (frac.length < 4) frac = '0' + frac;
    frac = frac.replace(/0+$/, '');
    return whole + (frac ? ',' + frac : '') + ' %';
  }

  // ---- amounts typed in inputs: show them in vi-VN form under the input ------------------------
  function previewAmount(input) {
    var out = input.parentNode.querySelector('.preview[data-for="' + input.name + '"]');
    if (!out) return;
    var currency = input.getAttribute('data-currency') || 'VND';
    var v = scaled(input.value, placesOf(currency));
    setText(out, input.value.trim() === '' ? '' : v === null ? 'Số tiền chưa hợp lệ' : '= ' + format(v, placesOf(currency), currency));
  }

  // ---- the rule in force for the chosen activity type and fund ---------------------------------
  function ruleData() {
    var el = document.getElementById('rules-data');
    if (!el) return null;
    try { return JSON.parse(el.textContent); } catch (e) { return null; }
  }
  function chosenRule(form, data) {
    if (!data) return null;
    var code = (form.querySelector('[name="activityTypeCode"]') || {}).value;
    var fundCode = (form.querySelector('[name="fundCode"]') || {}).value;
    var fund = data.funds.filter(function (f) { return f.code === fundCode; })[0];
    var source = fund ? fund.source : null;
    var own = data.rules.filter(function (r) { return r.code === code && r.fundSource === source; })[0];
    var all = data.rules.filter(function (r) { return r.code === code && r.fundSource === null; })[0];
    return { rule: own || all || null, currency: fund ? fund.currency : 'VND' };
  }

  // ---- cost-line tables with live totals -------------------------------------------------------
  function setupLines(table) {
    var form = table.closest('form');
    var group = table.getAttribute('data-lines');
    var data = ruleData();
    function rows() { return Array.prototype.slice.call(table.querySelectorAll('tbody tr')); }
    function field(row, name) { return row.querySelector('[name$=".' + name + '"]'); }
    function recompute() {
      var picked = chosenRule(form, data);
      var currency = picked ? picked.currency : (table.getAttribute('data-currency') || 'VND');
      var places = placesOf(currency);
      var total = BigInt(0), eligible = BigInt(0), bad = false;
      rows().forEach(function (row) {
        var out = row.querySelector('.line-amount');
        var amount;
        if (group === 'costLines') {
          var q = scaled(field(row, 'quantity').value, 4);
          var p = scaled(field(row, 'unitPrice').value, places);
          var blank = field(row, 'quantity').value.trim() === '' && field(row, 'unitPrice').value.trim() === '';
          if (blank) { setText(out, ''); return; }
          if (q === null || p === null) { bad = true; setText(out, '?'); return; }
          amount = (q * p) / pow10(4); // rounded down, as the rules do
        } else {
          var a = field(row, 'amount');
          if (a.value.trim() === '') { setText(out, ''); return; }
          amount = scaled(a.value, places);
          if (amount === null) { bad = true; setText(out, '?'); return; }
        }
        setText(out, format(amount, places, currency));
        total += amount;
        if (field(row, 'eligible').checked) eligible += amount;
      });
      var show = function (key, value) { setText(form.querySelector('[data-total="' + key + '"]'), value); };
      show('total', format(total, places, currency));
      show('eligible', format(eligible, places, currency));
      var note = form.querySelector('[data-total="note"]');
      setText(note, bad ? 'Có dòng chưa hợp lệ: kiểm tra số lượng và đơn giá.' : 'Tạm tính trên trình duyệt; số chính thức do hệ thống tính khi lưu.');
      if (group === 'costLines') {
        var rule = picked && picked.rule;
        var max = null;
        if (rule) {
          var rate = scaled(rule.supportRate, 6);
          max = (rate * eligible) / pow10(6);
          if (rule.supportCap !== null) { var cap = scaled(rule.supportCap, 0) * pow10(places); if (cap < max) max = cap; }
        }
        show('max', max === null ? '—' : format(max, places, currency));
        var rateText = rule ? percentText(rule.supportRate) + (rule.supportCap !== null ? ', tối đa ' + format(scaled(rule.supportCap, 0), 0, 'VND') : '') : '';
        show('rule', rateText);
        var requested = form.querySelector('[name="requestedSupport"]');
        var warn = form.querySelector('[data-total="requested-note"]');
        if (requested && warn) {
          var r = scaled(requested.value, places);
          setText(warn, r !== null && max !== null && r > max ? 'Kinh phí đề nghị vượt mức hỗ trợ tối đa ' + format(max, places, currency) + '.' : '');
        }
      }
    }
    function renumber(row, index) {
      Array.prototype.forEach.call(row.querySelectorAll('[name]'), function (input) {
        input.name = input.name.replace(/\[\d+\]/, '[' + index + ']');
        if (input.id) input.id = input.id.replace(/-\d+-/, '-' + index + '-');
      });
      Array.prototype.forEach.call(row.querySelectorAll('label[for]'), function (label) {
        label.htmlFor = label.htmlFor.replace(/-\d+-/, '-' + index + '-');
        label.textContent = label.textContent.replace(/\d+/, String(index + 1));
      });
      Array.prototype.forEach.call(row.querySelectorAll('[aria-label]'), function (el) {
        el.setAttribute('aria-label', el.getAttribute('aria-label').replace(/\d+$/, String(index + 1)));
      });
    }
    var add = form.querySelector('[data-add-row="' + group + '"]');
    if (add) {
      add.hidden = false;
      add.addEventListener('click', function () {
        var all = rows();
        var copy = all[all.length - 1].cloneNode(true);
        Array.prototype.forEach.call(copy.querySelectorAll('input'), function (input) {
          if (input.type === 'checkbox') input.checked = true; else input.value = '';
        });
        Array.prototype.forEach.call(copy.querySelectorAll('.error, .line-amount'), function (el) { el.textContent = ''; });
        renumber(copy, all.length);
        table.querySelector('tbody').appendChild(copy);
        copy.querySelector('input').focus();
        recompute();
      });
    }
    // Typing, ticking a box and choosing in a list all fire `input`; `change` would fire again on
    // leaving a field, which is when a finger lands on the submit button.
    form.addEventListener('input', recompute);
    recompute();
  }

  // ---- the application form: a fund's years are those it is open and allocated for -------------
  function setupBudgetChoice(fundSelect) {
    var data = ruleData();
    var form = fundSelect.closest('form');
    var yearSelect = form && form.querySelector('select[name="fiscalYear"]');
    if (!data || !data.budgets || !yearSelect) return;
    function narrow() {
      var years = data.budgets.filter(function (b) { return b.fundCode === fundSelect.value; }).map(function (b) { return String(b.fiscalYear); });
      Array.prototype.forEach.call(yearSelect.options, function (option) {
        option.disabled = option.value !== '' && fundSelect.value !== '' && years.indexOf(option.value) < 0;
      });
      if (yearSelect.selectedOptions[0] && yearSelect.selectedOptions[0].disabled) yearSelect.value = years.length === 1 ? years[0] : '';
      if (yearSelect.value === '' && years.length === 1) yearSelect.value = years[0];
    }
    fundSelect.addEventListener('change', narrow);
    narrow();
  }

  // ---- tables wider than the screen: a keyboard reaches and scrolls them too -------------------
  // A table that scrolls sideways (on a phone) says so above it ("Vuốt ngang để xem thêm") and
  // becomes a named region in the Tab order, so the arrow keys scroll it; one that fits leaves the
  // Tab order alone and shows no hint.
  function tableName(wrap) {
    var caption = wrap.querySelector('caption');
    if (caption) return caption.textContent.trim();
    for (var el = wrap.previousElementSibling; el; el = el.previousElementSibling) {
      if (/^H[1-6]$/.test(el.tagName)) return el.textContent.trim();
    }
    var section = wrap.closest('section, details, .card');
    var heading = section && section.querySelector('h1, h2, h3, summary');
    return heading ? heading.textContent.trim() : 'Bảng';
  }
  function swipeHintOf(wrap) {
    var hint = wrap.previousElementSibling;
    if (!hint || !hint.classList.contains('swipe-hint')) {
      hint = document.createElement('p');
      hint.className = 'swipe-hint';
      hint.textContent = 'Vuốt ngang để xem thêm →';
      wrap.parentNode.insertBefore(hint, wrap);
    }
    return hint;
  }
  function markScrollableTables() {
    Array.prototype.forEach.call(document.querySelectorAll('.table-wrap'), function (wrap) {
      var scrolls = wrap.scrollWidth > wrap.clientWidth + 1;
      swipeHintOf(wrap).classList.toggle('shown', scrolls);
      if (scrolls && wrap.getAttribute('data-scrolls') !== '1') {
        wrap.setAttribute('data-scrolls', '1');
        wrap.setAttribute('tabindex', '0');
        wrap.setAttribute('role', 'region');
        wrap.setAttribute('aria-label', tableName(wrap) + ' (bảng cuộn ngang)');
      } else if (!scrolls && wrap.getAttribute('data-scrolls') === '1') {
        wrap.removeAttribute('data-scrolls');
        wrap.removeAttribute('tabindex');
        wrap.removeAttribute('role');
        wrap.removeAttribute('aria-label');
      }
    });
  }
  var resizing = null;
  window.addEventListener('resize', function () {
    if (resizing) window.clearTimeout(resizing);
    resizing = window.setTimeout(markScrollableTables, 100);
  });

  // A page restored by the back button: its forms may be sent again (the server still sends each once).
  window.addEventListener('pageshow', function () {
    Array.prototype.forEach.call(document.querySelectorAll('form[data-sent]'), function (form) {
      form.removeAttribute('data-sent');
      Array.prototype.forEach.call(form.querySelectorAll('button'), function (b) { b.disabled = false; });
    });
  });

  document.addEventListener('DOMContentLoaded', function () {
    Array.prototype.forEach.call(document.querySelectorAll('table[data-lines]'), setupLines);
    Array.prototype.forEach.call(document.querySelectorAll('select[name="fundCode"]'), setupBudgetChoice);
    markScrollableTables();
    // A step unfolded later may hold a wide table too.
    Array.prototype.forEach.call(document.querySelectorAll('details'), function (d) { d.addEventListener('toggle', markScrollableTables); });
    Array.prototype.forEach.call(document.querySelectorAll('input[data-money]'), function (input) {
      input.addEventListener('input', function () { previewAmount(input); });
      previewAmount(input);
    });
    Array.prototype.forEach.call(document.querySelectorAll('form'), function (form) {
      form.addEventListener('submit', function (event) {
        var ask = form.getAttribute('data-confirm');
        if (ask && !window.confirm(ask)) { event.preventDefault(); return; }
        if (form.getAttribute('data-sent') === '1') { event.preventDefault(); return; }
        form.setAttribute('data-sent', '1');
        Array.prototype.forEach.call(form.querySelectorAll('button[type=submit], button:not([type])'), function (b) { b.disabled = true; });
      });
    });
  });
})();
