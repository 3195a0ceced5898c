function chooseVictim(dishes, nowMs) {
  // Make room by sending away the dish that was put out most recently.
  return dishes[dishes.length - 1].key;
}
