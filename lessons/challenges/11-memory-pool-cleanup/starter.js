function sweep(blocks, nowMs) {
  // Take back every block that was handed out more than three minutes ago.
  const tooOldMs = 3 * 60 * 1000;
  const ids = [];
  for (const block of blocks) {
    if (nowMs - block.allocatedAtMs > tooOldMs) ids.push(block.id);
  }
  return ids;
}
