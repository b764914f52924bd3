import { Injectable } from '@nestjs/common';

export type ProbeState = 'up' | 'down';

/**
 * Dependencies a service keeps serving without (Redis for the gateway's feed):
 * `/health` names each one, and while one is down it answers `degraded` — still
 * 200, so a load balancer keeps the process in (only the database decides that).
 */
@Injectable()
export class HealthProbes {
  private readonly probes = new Map<string, () => boolean>();

  add(name: string, isUp: () => boolean): void {
    this.probes.set(name, isUp);
  }

  states(): Record<string, ProbeState> {
    const out: Record<string, ProbeState> = {};
    for (const [name, isUp] of this.probes) out[name] = isUp() ? 'up' : 'down';
    return out;
  }
}
