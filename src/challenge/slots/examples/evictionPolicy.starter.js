function chooseVictim(dishes, nowMs) {
  // The dish that went out on the shelf first makes room first.
  return dishes[0].key;
}
