function chooseVictim(dishes, nowMs) {
  // Least recently used: the dish whose last order is furthest in the past leaves.
  let oldest = dishes[0];
  for (let i = 1; i < dishes.length; i++) {
    if (dishes[i].lastUsedAtMs < oldest.lastUsedAtMs) oldest = dishes[i];
  }
  return oldest.key;
}
