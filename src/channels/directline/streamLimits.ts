/**
 * Caps on open WebSocket streams: in total (DIRECTLINE_MAX_STREAMS) and per client address
 * (DIRECTLINE_MAX_STREAMS_PER_ADDRESS), so that one address, or a flood from many, cannot hold sockets and memory
 * without end. A slot is taken before the upgrade and given back when the socket closes, however it closes.
 */
export class StreamLimits {
  private total = 0;
  private readonly byAddress = new Map<string, number>();

  constructor(
    private readonly maxTotal: number,
    private readonly maxPerAddress: number,
  ) {}

  /** Takes a slot for `address`; returns the reason when none is free. Call release() once the socket closes. */
  acquire(address: string): { ok: true; release: () => void } | { ok: false; reason: string } {
    if (this.total >= this.maxTotal) return { ok: false, reason: 'the chat service is busy: too many open streams; please try again shortly' };
    const mine = this.byAddress.get(address) ?? 0;
    if (mine >= this.maxPerAddress) return { ok: false, reason: 'too many open streams from this address' };
    this.total++;
    this.byAddress.set(address, mine + 1);
    let released = false;
    return {
      ok: true,
      release: () => {
        if (released) return;
        released = true;
        this.total--;
        const left = (this.byAddress.get(address) ?? 1) - 1;
        if (left > 0) this.byAddress.set(address, left);
        else this.byAddress.delete(address);
      },
    };
  }

  get open(): number {
    return this.total;
  }
}
