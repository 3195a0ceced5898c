function sweep(blocks, nowMs) {
  // Nobody needs counter space for more than five minutes... surely?
  const maxAgeMs = 5 * 60 * 1000;
  return blocks.filter((block) => nowMs - block.allocatedAtMs > maxAgeMs).map((block) => block.id);
}
