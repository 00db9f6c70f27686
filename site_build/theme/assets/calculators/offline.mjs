// Keeps this release of the site available offline through the service worker (sw.js, written by
// site_build.offline), and tells the reader when a newer release is waiting.
//
// Called by page.mjs once the runtime is ready: by then the runtime's files are in the browser's
// HTTP cache, so the service worker's install copies them without competing with the boot, and
// a reader who never opens a calculator never downloads the runtime at all.
//
// `serviceWorker` is null in a `serve` preview: then any service worker a release build left at
// this address is removed, so a translator's preview never comes from an old offline copy.

export function keepOffline({ serviceWorker, language, onOfflineReady, onUpdateWaiting }) {
  if (!("serviceWorker" in navigator)) return;
  const scriptURL = serviceWorker && new URL(serviceWorker, import.meta.url);
  const scope = new URL("../../", import.meta.url); // the site root, whatever its path on the host
  if (!scriptURL) {
    navigator.serviceWorker.getRegistration(scope).then((registration) => registration?.unregister(), () => {});
    return;
  }
  const container = navigator.serviceWorker;
  let reloadRequested = false;
  container.addEventListener("controllerchange", () => {
    if (reloadRequested) location.reload();
  });
  container.addEventListener("message", (event) => {
    if (event.data?.type === "language-cached" && event.data.language === language) onOfflineReady(event.data.release);
  });
  container.startMessages();
  const offerUpdate = (waiting) => {
    // Only a page already controlled by an older release has something to update.
    if (!container.controller) return;
    onUpdateWaiting(() => {
      reloadRequested = true;
      waiting.postMessage({ type: "skip-waiting" });
    });
  };
  container.register(scriptURL, { scope }).then(
    (registration) => {
      if (registration.waiting) offerUpdate(registration.waiting);
      registration.addEventListener("updatefound", () => {
        const installing = registration.installing;
        installing?.addEventListener("statechange", () => {
          if (installing.state === "installed") offerUpdate(installing);
        });
      });
      container.ready.then((ready) => ready.active?.postMessage({ type: "cache-language", language }));
    },
    () => {}, // no offline copy (a private window, a host without sw.js): the page works as before
  );
}
