import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One unit of the site's subtree, as the gateway last listed it. */
@Entity({ name: 'site_unit' })
export class SiteUnitEntity {
  @PrimaryColumn({ type: 'text' }) id!: string;
  @Column({ name: 'parent_id', type: 'text', nullable: true }) parentId!: string | null;
  @Column({ name: 'fetched_at', type: 'timestamptz' }) fetchedAt!: Date;
}

/** Progress that outlives restarts: touchpoints forwarded since the database was created, last success. */
@Entity({ name: 'site_progress' })
export class SiteProgressEntity {
  @PrimaryColumn({ type: 'smallint' }) id!: number;
  @Column({ type: 'bigint' }) forwarded!: string;
  @Column({ name: 'last_success_at', type: 'timestamptz', nullable: true }) lastSuccessAt!: Date | null;
}
