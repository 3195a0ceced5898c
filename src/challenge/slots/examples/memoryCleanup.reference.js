function sweep(blocks, nowMs) {
  // A working cook touches their block at least every 10 seconds, so a block untouched for that long has
  // been forgotten: take it back. Blocks in use are never older than that.
  const touchEveryMs = 10 * 1000;
  return blocks.filter((block) => nowMs - block.lastTouchedAtMs >= touchEveryMs).map((block) => block.id);
}
