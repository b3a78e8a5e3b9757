// The browser tests serve the built tab, so build it first when it is missing or stale.
module.exports = async () => {
  const { buildTabIfStale } = await import('../scripts/build-tab.mjs');
  buildTabIfStale();
};
