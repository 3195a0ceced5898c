/**
 * One fixed-size-block memory pool (a row of identical kitchen stations: every prep counter is the same size).
 *
 * The pool owns `blockCount` blocks of `blockSize` bytes each, numbered `0 .. blockCount - 1`. Free blocks are
 * kept on a stack of indexes, so allocation and free are O(1) and reuse is LIFO: the block freed most recently
 * is handed out next (it is still warm in the cache, as a slab allocator would argue; in the kitchen, the
 * counter just wiped down is the one the next cook takes). At the start the stack is arranged so that the
 * first allocations get blocks 0, 1, 2, ... in order.
 *
 * A request never asks the pool for a size: any request that fits a block takes a whole block, and the bytes
 * it does not use are wasted inside the block (internal fragmentation). Choosing the pool by size is the
 * caller's job (see `kitchenMemory.ts`).
 *
 * @example
 * const p = new MemoryPool(64, 3);
 * p.allocate(); // 0
 * p.allocate(); // 1
 * p.free(0);    // true
 * p.allocate(); // 0 again: last freed, first reused
 */
export class MemoryPool {
  /** Bytes per block. */
  readonly blockSize: number;
  /** Number of blocks the pool owns. */
  readonly blockCount: number;
  /** Free block indexes; the top of the stack (the last element) is handed out next. */
  private readonly freeStack: number[];
  /** 1 for a block that is allocated, 0 for a free one (to refuse double frees). */
  private readonly isAllocated: Uint8Array;

  /** Throws a RangeError unless `blockSize >= 1` and `blockCount >= 0` are whole numbers. */
  constructor(blockSize: number, blockCount: number) {
    if (!Number.isInteger(blockSize) || blockSize < 1) throw new RangeError(`memoryPool: blockSize must be a whole number >= 1, got ${blockSize}`);
    if (!Number.isInteger(blockCount) || blockCount < 0) throw new RangeError(`memoryPool: blockCount must be a whole number >= 0, got ${blockCount}`);
    this.blockSize = blockSize;
    this.blockCount = blockCount;
    this.freeStack = [];
    for (let i = blockCount - 1; i >= 0; i--) this.freeStack.push(i);
    this.isAllocated = new Uint8Array(blockCount);
  }

  /** Takes a free block and returns its index, or -1 when every block is in use. */
  allocate(): number {
    const index = this.freeStack.pop();
    if (index === undefined) return -1;
    this.isAllocated[index] = 1;
    return index;
  }

  /**
   * Returns block `index` to the pool (it becomes the next one handed out). Returns false and changes nothing
   * when `index` is not an allocated block of this pool (out of range, or already free).
   */
  free(index: number): boolean {
    if (!this.isBlockAllocated(index)) return false;
    this.isAllocated[index] = 0;
    this.freeStack.push(index);
    return true;
  }

  /** True when block `index` exists and is allocated. */
  isBlockAllocated(index: number): boolean {
    return Number.isInteger(index) && index >= 0 && index < this.blockCount && this.isAllocated[index] === 1;
  }

  /** True when no block is free (always true for a pool of 0 blocks). */
  isExhausted(): boolean {
    return this.freeStack.length === 0;
  }

  /** Blocks allocated now. */
  get usedCount(): number {
    return this.blockCount - this.freeStack.length;
  }

  /** Blocks free now. */
  get freeCount(): number {
    return this.freeStack.length;
  }

  /** Bytes in allocated blocks (whole blocks, used or not by their owners). */
  get usedBytes(): number {
    return this.usedCount * this.blockSize;
  }

  /** Fraction of blocks allocated, 0..1 (0 for a pool of 0 blocks). */
  utilisation(): number {
    return this.blockCount === 0 ? 0 : this.usedCount / this.blockCount;
  }
}
