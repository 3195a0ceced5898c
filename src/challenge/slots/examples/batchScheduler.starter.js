function nextBatch(state) {
  // Five more items every time we are asked.
  return Math.min(5, state.pending);
}
