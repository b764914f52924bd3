import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A touchpoint accepted at the site: the outbox row the forwarder sends (migration SiteOutbox). */
@Entity({ name: 'site_touchpoint' })
export class SiteTouchpointEntity {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ type: 'bigint', generated: 'increment', unique: true }) seq!: string;
  @Column({ name: 'unit_id', type: 'text' }) unitId!: string;
  @Column({ name: 'agent_id', type: 'text', nullable: true }) agentId!: string | null;
  @Column({ name: 'customer_id', type: 'text' }) customerId!: string;
  @Column({ type: 'text' }) channel!: string;
  @Column({ type: 'text' }) kind!: string;
  @Column({ type: 'text' }) stage!: string;
  @Column({ name: 'occurred_at', type: 'timestamptz' }) occurredAt!: Date;
  @Column({ name: 'accepted_at', type: 'timestamptz' }) acceptedAt!: Date;
  @Column({ name: 'need_category', type: 'text' }) needCategory!: string;
  @Column({ name: 'need_description', type: 'text', nullable: true }) needDescription!: string | null;
  @Column({ name: 'service_action', type: 'text', nullable: true }) serviceAction!: string | null;
  @Column({ type: 'boolean', nullable: true }) resolved!: boolean | null;
  @Column({ name: 'satisfaction_score', type: 'smallint', nullable: true }) satisfactionScore!: number | null;
  @Column({ name: 'satisfaction_comment', type: 'text', nullable: true }) satisfactionComment!: string | null;
  // sha256 of the canonical form: the same id again with other content is refused.
  @Column({ name: 'content_hash', type: 'text' }) contentHash!: string;
  // Exactly what is sent to the gateway, so every resend is byte-for-byte the same touchpoint.
  @Column({ type: 'jsonb' }) payload!: Record<string, unknown>;
  @Column({ type: 'text' }) state!: string;
  @Column({ name: 'forwarded_at', type: 'timestamptz', nullable: true }) forwardedAt!: Date | null;
  @Column({ type: 'text', nullable: true }) error!: string | null;
}
