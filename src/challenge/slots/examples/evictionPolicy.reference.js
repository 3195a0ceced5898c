function chooseVictim(dishes, nowMs) {
  // Least recently used: the dish nobody has ordered for the longest time goes.
  let victim = dishes[0];
  for (const dish of dishes) {
    if (dish.lastUsedAtMs < victim.lastUsedAtMs) victim = dish;
  }
  return victim.key;
}
