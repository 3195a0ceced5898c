function sweep(blocks, nowMs) {
  // A cook still at work touches their block at least every 10 seconds. A block nobody has touched for
  // longer than that has been forgotten, however recently it was handed out.
  const idleLimitMs = 10 * 1000;
  const ids = [];
  for (const block of blocks) {
    if (nowMs - block.lastTouchedAtMs >= idleLimitMs) ids.push(block.id);
  }
  return ids;
}
