// The source view: the item holding the line in the address is highlighted, scrolled to, and its
// targets shown beside it. The server marks it too; this follows later clicks on line numbers.
(function () {
  function show() {
    var id = decodeURIComponent(location.hash.slice(1));
    var line = id && document.getElementById(id);
    if (!line || !line.classList.contains('l')) return;
    var item = line.getAttribute('data-item');
    document.querySelectorAll('.text .l.hit').forEach(function (l) { l.classList.remove('hit'); });
    document.querySelectorAll('aside .targets').forEach(function (t) { t.hidden = true; });
    if (item) {
      document.querySelectorAll('.text .l[data-item="' + item + '"]').forEach(function (l) { l.classList.add('hit'); });
      var targets = document.getElementById('t-' + item);
      if (targets) targets.hidden = false;
    } else {
      line.classList.add('hit');
    }
    line.scrollIntoView({ block: 'center' });
  }
  window.addEventListener('hashchange', show);
  if (document.querySelector('.text')) show();
})();
