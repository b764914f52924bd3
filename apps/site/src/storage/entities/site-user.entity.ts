import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A user who signed in here while the gateway was reachable; the hash allows offline sign-in. */
@Entity({ name: 'site_user' })
export class SiteUserEntity {
  @PrimaryColumn({ type: 'text' }) username!: string;
  // scrypt$N$r$p$salt$hash — never the password itself
  @Column({ name: 'password_hash', type: 'text' }) passwordHash!: string;
  @Column({ type: 'text' }) role!: string;
  @Column({ name: 'unit_id', type: 'text' }) unitId!: string;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
