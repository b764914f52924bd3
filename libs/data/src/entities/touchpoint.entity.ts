import { Column, Entity, PrimaryColumn } from 'typeorm';

// The raw short flow of one touchpoint, stored once (id is the sender's
// idempotency key). Score queries never read this table: rollups carry the
// counters. It serves drill-downs, late ratings and rollup rebuilds.
@Entity({ name: 'touchpoint' })
export class TouchpointEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'unit_id', type: 'text' })
  unitId!: string;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt!: Date;

  @Column({ name: 'content_hash', type: 'text' })
  contentHash!: string;

  @Column({ name: 'site_id', type: 'text', nullable: true })
  siteId!: string | null;

  @Column({ name: 'customer_id', type: 'text' })
  customerId!: string;

  @Column({ type: 'text', nullable: true }) industry!: string | null;
  @Column({ type: 'text', nullable: true }) region!: string | null;
  @Column({ name: 'contract_id', type: 'text', nullable: true }) contractId!: string | null;
  @Column({ name: 'product_id', type: 'text', nullable: true }) productId!: string | null;
  @Column({ name: 'team_id', type: 'text', nullable: true }) teamId!: string | null;
  @Column({ name: 'agent_id', type: 'text', nullable: true }) agentId!: string | null;
  @Column({ type: 'text' }) channel!: string;
  @Column({ type: 'text' }) kind!: string;
  @Column({ type: 'text' }) stage!: string;
  @Column({ name: 'need_category', type: 'text' }) needCategory!: string;
  @Column({ name: 'need_description', type: 'text', nullable: true }) needDescription!: string | null;
  @Column({ type: 'boolean' }) served!: boolean;
  @Column({ name: 'service_action', type: 'text', nullable: true }) serviceAction!: string | null;
  @Column({ name: 'handle_seconds', type: 'int', nullable: true }) handleSeconds!: number | null;
  @Column({ type: 'boolean', nullable: true }) resolved!: boolean | null;
  @Column({ name: 'first_contact', type: 'boolean', nullable: true }) firstContact!: boolean | null;
  @Column({ name: 'knowledge_refs', type: 'jsonb', nullable: true }) knowledgeRefs!: string[] | null;
  @Column({ name: 'knowledge_created', type: 'boolean', nullable: true }) knowledgeCreated!: boolean | null;
  @Column({ name: 'handoff_unit_id', type: 'text', nullable: true }) handoffUnitId!: string | null;
  @Column({ name: 'commitment_code', type: 'text', nullable: true }) commitmentCode!: string | null;
  @Column({ name: 'commitment_met', type: 'boolean', nullable: true }) commitmentMet!: boolean | null;
  @Column({ name: 'served_at', type: 'timestamptz', nullable: true }) servedAt!: Date | null;
  @Column({ name: 'satisfaction_score', type: 'smallint', nullable: true }) satisfactionScore!: number | null;
  @Column({ name: 'satisfaction_comment', type: 'text', nullable: true }) satisfactionComment!: string | null;
  @Column({ name: 'rated_at', type: 'timestamptz', nullable: true }) ratedAt!: Date | null;
}
