import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A late satisfaction rating waiting for (or done with) the gateway; it follows its touchpoint. */
@Entity({ name: 'site_rating' })
export class SiteRatingEntity {
  @PrimaryColumn({ name: 'touchpoint_id', type: 'uuid' }) touchpointId!: string;
  @Column({ type: 'bigint', generated: 'increment', unique: true }) seq!: string;
  @Column({ type: 'smallint' }) score!: number;
  @Column({ type: 'text', nullable: true }) comment!: string | null;
  @Column({ name: 'accepted_at', type: 'timestamptz' }) acceptedAt!: Date;
  @Column({ type: 'text' }) state!: string;
  @Column({ name: 'forwarded_at', type: 'timestamptz', nullable: true }) forwardedAt!: Date | null;
  @Column({ type: 'text', nullable: true }) error!: string | null;
  @Column({ type: 'int' }) attempts!: number;
  @Column({ name: 'next_attempt_at', type: 'timestamptz' }) nextAttemptAt!: Date;
}
