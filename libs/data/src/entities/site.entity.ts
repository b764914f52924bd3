import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

@Entity({ name: 'site' })
export class SiteEntity {
  @PrimaryColumn({ type: 'text' })
  id!: string;

  @Column({ name: 'unit_id', type: 'text' })
  unitId!: string;

  // SHA-256 of the key: keys are long random strings, so a fast hash is enough
  // and lets every request be checked without a slow KDF.
  @Column({ name: 'key_hash', type: 'text', unique: true })
  keyHash!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
