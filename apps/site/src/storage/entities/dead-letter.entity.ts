import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** What the gateway refused, with its code and message: kept, never dropped. */
@Entity({ name: 'site_dead_letter' })
export class DeadLetterEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ type: 'text' }) kind!: 'TOUCHPOINT' | 'RATING';
  @Column({ name: 'touchpoint_id', type: 'uuid' }) touchpointId!: string;
  @Column({ type: 'text' }) code!: string;
  @Column({ type: 'text' }) message!: string;
  @Column({ type: 'text' }) payload!: string;
  @Column({ type: 'timestamptz' }) at!: Date;
}
