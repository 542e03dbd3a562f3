/**
 * Work per device in arrival order, several devices at once: a device's batches must be stored in
 * sequence (the contract refuses a sequence not above the last), while one slow device must not hold
 * up the others. At most `parallel` jobs run at once and at most `capacity` wait; `admit` resolves
 * once there is room, which is what lets the MQTT client hold back the broker (backpressure).
 */
export class DeviceQueues {
  private readonly waiting = new Map<string, Array<() => Promise<void>>>();
  /** Devices with work waiting and none running, in the order they became ready. */
  private readonly ready: string[] = [];
  private readonly busy = new Set<string>();
  private queued = 0;
  private readonly roomWaiters: Array<() => void> = [];
  private idleWaiters: Array<() => void> = [];

  constructor(
    private readonly parallel: number,
    private readonly capacity: number,
  ) {}

  /** Queues `job` behind the device's earlier jobs; resolves when it is queued. */
  async admit(device: string, job: () => Promise<void>): Promise<void> {
    while (this.queued >= this.capacity) {
      await new Promise<void>((resolve) => this.roomWaiters.push(resolve));
    }
    this.queued++;
    const jobs = this.waiting.get(device);
    if (jobs) jobs.push(job);
    else {
      this.waiting.set(device, [job]);
      if (!this.busy.has(device)) this.ready.push(device);
    }
    this.runReady();
  }

  /** Resolves when every queued job has run. */
  idle(): Promise<void> {
    if (this.queued === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private runReady(): void {
    while (this.busy.size < this.parallel && this.ready.length > 0) {
      const device = this.ready.shift() as string;
      const jobs = this.waiting.get(device) as Array<() => Promise<void>>;
      const job = jobs.shift() as () => Promise<void>;
      if (jobs.length === 0) this.waiting.delete(device);
      this.busy.add(device);
      // Jobs answer every failure themselves (answerMessage); a throw here is a bug, never a stop.
      void job()
        .catch((error: unknown) => console.error(`devices: a job of ${device} failed`, error))
        .finally(() => this.done(device));
    }
  }

  private done(device: string): void {
    this.busy.delete(device);
    this.queued--;
    if (this.waiting.has(device)) this.ready.push(device);
    this.roomWaiters.shift()?.();
    this.runReady();
    if (this.queued === 0) {
      for (const resolve of this.idleWaiters) resolve();
      this.idleWaiters = [];
    }
  }
}
