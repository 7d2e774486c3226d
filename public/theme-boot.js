// Runs before the first paint (a classic, render-blocking script in <head>): applies the
// officer's theme so that a dark choice never flashes white on start or reload. External
// because the Content-Security-Policy allows no inline script. Plain ES5, no imports.
// The same logic as readTheme + applyTheme in src/ui/features/appearance/theme.ts
// (tests/ui/appearance.test.tsx checks that they agree); keep the two in step.
(function () {
  var choice = 'system';
  try {
    var stored = localStorage.getItem('fieldlog.theme');
    if (stored === 'light' || stored === 'dark' || stored === 'contrast') choice = stored;
  } catch (e) {
    // Storage disabled: follow the system.
  }
  if (choice === 'system') return;
  var doc = document;
  doc.documentElement.setAttribute('data-theme', choice);
  var scheme = doc.querySelector('meta[name="color-scheme"]');
  if (scheme) scheme.setAttribute('content', choice === 'dark' ? 'dark' : 'light');
  var color = { light: '#0b1d3a', dark: '#0b1d3a', contrast: '#000000' }[choice];
  var metas = doc.querySelectorAll('meta[name="theme-color"]');
  for (var i = 0; i < metas.length; i++) metas[i].setAttribute('content', color);
})();
