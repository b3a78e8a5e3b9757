// The browser tests serve the built tab, so build it first when it is missing or stale.
// MARAC_SKIP_TAB_BUILD=1 skips it for a run of server-side tests only.
module.exports = async () => {
  if (process.env.MARAC_SKIP_TAB_BUILD === '1') return;
  const { buildTabIfStale } = await import('../scripts/build-tab.mjs');
  buildTabIfStale();
};
