/**
 * The test probe: served by scripts/serve-static.mjs when SERVE_PROBE names this file, as the first
 * script of every page and ahead of every JavaScript file (so it runs before any of the site's code,
 * in the page and in each worker, whatever the browser or its driver). It records what a test must
 * never tolerate, where no driver's log can be trusted to carry it: Content-Security-Policy
 * violations (page, dedicated workers, the service worker), and in the page uncaught errors,
 * unhandled rejections and dialogs (alert, confirm, prompt: what injected markup would open).
 * Workers report to the page over a BroadcastChannel. The page keeps every report in
 * `__mineLabProbe.problems`, and calls `__mineLabReport(text)` too when a driver exposed one.
 * Plain script syntax, no imports: the same text runs as a classic script and as a module's head.
 */
(function installMineLabProbe() {
  const scope = globalThis;
  if (scope.__mineLabProbe) return;
  const inPage = typeof window !== 'undefined' && scope === window;
  const probe = { problems: [], installedAtMs: typeof performance === 'undefined' ? 0 : performance.now() };
  Object.defineProperty(scope, '__mineLabProbe', { value: probe });
  const where = inPage
    ? 'the page'
    : 'the worker ' + (scope.name ? '"' + scope.name + '"' : String(scope.location));
  const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel('mine-lab-probe') : null;

  function keep(text) {
    probe.problems.push(text);
    if (typeof scope.__mineLabReport === 'function') {
      try {
        scope.__mineLabReport(text);
      } catch {
        // the driver's binding went away (the page is closing); the list still has it
      }
    }
  }
  function report(text) {
    const line = text + ' (in ' + where + ')';
    if (inPage) keep(line);
    else if (channel) channel.postMessage(line);
  }
  if (inPage && channel) {
    channel.onmessage = function (event) {
      keep(String(event.data));
    };
  }

  scope.addEventListener(
    'securitypolicyviolation',
    function (event) {
      const at = event.sourceFile ? ' at ' + event.sourceFile + ':' + event.lineNumber : '';
      report(
        'CSP violation: ' + event.effectiveDirective + ' blocked ' + (event.blockedURI || 'inline code') + at,
      );
    },
    true,
  );
  if (!inPage) return; // a worker's own failures reach the page as its Worker's error event

  scope.addEventListener(
    'error',
    function (event) {
      // Failed loads of elements are plain Events; uncaught exceptions are ErrorEvents.
      if (event instanceof ErrorEvent) report('uncaught error: ' + event.message);
    },
    true,
  );
  scope.addEventListener('unhandledrejection', function (event) {
    const reason = event.reason;
    report('unhandled rejection: ' + (reason && reason.message ? reason.message : String(reason)));
  });
  ['alert', 'confirm', 'prompt'].forEach(function (name) {
    scope[name] = function (message) {
      report('unexpected ' + name + ' dialog: ' + String(message));
      return name === 'confirm' ? false : name === 'prompt' ? null : undefined;
    };
  });
})();
