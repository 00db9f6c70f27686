// The site's service worker: one release of the site, kept for reading and computing offline.
// site_build.offline writes it to the site root as sw.js, with these constants before this text:
//   RELEASE    a hash of the runtime configuration and every file of the site
//   IMMUTABLE  a RegExp of paths (relative to the scope) whose content never changes
//   CORE       what a calculator needs: the Python runtime, the wheel, the page modules
//   LANGUAGES  {language: [its pages (folder URLs) and the files they use]}
//
// - It is registered by calculator pages once their runtime is ready (page.mjs), so a reader who
//   only reads articles never downloads any part of Pyodide, not even in the background.
// - Install caches CORE, plus the languages the previous release had cached; files under
//   versioned addresses are copied from the old cache rather than downloaded again.
// - A page asks for its language's pages with {type: "cache-language", language}; the answer is
//   {type: "language-cached", language, release}.
// - Versioned files are served cache-first; everything else network-first, falling back to this
//   release's copy, so an online reader always gets the current pages, and an offline one a
//   consistent release, whatever the browser's HTTP cache holds. (Answering versioned files from
//   the HTTP cache while navigator.onLine would let Chromium reuse its compiled WebAssembly on the
//   first return visit, but fails on a connection that is up yet useless, once that cache has
//   been evicted; a calculator at the bedside must not depend on it.)
// - A new release waits until the reader chooses to reload ({type: "skip-waiting"}), then
//   removes the older caches.

const CACHE_PREFIX = "scar-ivig-";
const CACHE_NAME = CACHE_PREFIX + RELEASE;
const SCOPE = new URL(self.registration.scope);
const PARALLEL_DOWNLOADS = 6;
// On a connection that answers slowly (a train), a cached page is better than a long wait.
const NETWORK_TIMEOUT_MS = 4000;

const absolute = (path) => new URL(path, SCOPE).href;
const scopePath = (url) => (url.startsWith(SCOPE.href) ? url.slice(SCOPE.href.length).split(/[?#]/)[0] : null);
const languageHome = (language) => LANGUAGES[language][0];

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE_NAME);
      const earlier = await languagesCachedByEarlierReleases();
      await fill(cache, [...CORE, ...earlier.flatMap((language) => LANGUAGES[language])]);
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith(CACHE_PREFIX) && name !== CACHE_NAME) await caches.delete(name);
      }
      // A page's request leaves while this worker starts up, rather than after.
      await self.registration.navigationPreload?.enable();
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("message", (event) => {
  const message = event.data || {};
  if (message.type === "skip-waiting") {
    self.skipWaiting();
  } else if (message.type === "cache-language" && Object.hasOwn(LANGUAGES, message.language)) {
    event.waitUntil(
      (async () => {
        const cache = await caches.open(CACHE_NAME);
        await fill(cache, LANGUAGES[message.language]);
        event.source?.postMessage({ type: "language-cached", language: message.language, release: RELEASE });
      })(),
    );
  }
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const path = request.method === "GET" ? scopePath(request.url) : null;
  if (path === null) return; // not ours: the browser handles it
  event.respondWith(IMMUTABLE.test(path) ? cacheFirst(request) : networkFirst(request, event.preloadResponse));
});

async function cacheFirst(request) {
  const cache = await caches.open(CACHE_NAME);
  const cached = await cache.match(request, { ignoreSearch: true, ignoreVary: true });
  if (cached) return cached;
  const response = await fetch(request);
  // Same address, same bytes: safe to keep for this release (and copied into the next).
  if (response.status === 200) await cache.put(request, response.clone());
  return response;
}

async function networkFirst(request, preloaded) {
  const network = Promise.resolve(preloaded).then((response) => response ?? fetch(request));
  network.catch(() => {}); // answered from the cache below: a late failure is no one's concern
  const cachedCopy = async () => (await caches.open(CACHE_NAME)).match(request, { ignoreSearch: true, ignoreVary: true });
  try {
    const slow = new Promise((resolve) => setTimeout(resolve, NETWORK_TIMEOUT_MS, null));
    const first = await Promise.race([network, slow]);
    return first ?? (await cachedCopy()) ?? (await network);
  } catch (error) {
    const cached = await cachedCopy();
    if (cached) return cached;
    throw error;
  }
}

// Put every path in the cache that is not there yet: a versioned file from an earlier release's
// cache if it is there, anything else from the network (revalidated, never a stale HTTP copy).
async function fill(cache, paths) {
  const queue = [...new Set(paths)];
  const worker = async () => {
    while (queue.length) {
      const url = absolute(queue.shift());
      if (await cache.match(url, { ignoreVary: true })) continue;
      const immutable = IMMUTABLE.test(scopePath(url));
      const earlier = immutable ? await caches.match(url, { ignoreVary: true }) : undefined;
      const response = earlier ?? (await fetch(url, { cache: immutable ? "default" : "no-cache" }));
      if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
      await cache.put(url, response);
    }
  };
  await Promise.all(Array.from({ length: PARALLEL_DOWNLOADS }, worker));
}

async function languagesCachedByEarlierReleases() {
  const found = [];
  for (const language of Object.keys(LANGUAGES)) {
    if (await caches.match(absolute(languageHome(language)), { ignoreVary: true })) found.push(language);
  }
  return found;
}
