import { Column, Entity, PrimaryColumn } from 'typeorm';

export const CONFLICT_RELATIONS = ['kin', 'ownership', 'employment', 'other'] as const;
/** How a person is tied to a file's establishment: family, a share in it, a job there, or otherwise. */
export type ConflictRelation = (typeof CONFLICT_RELATIONS)[number];

/** One staff member's declaration of a conflict of interest (xung đột lợi ích) on a file, or of none; one per person per file. */
@Entity('conflict_declarations')
export class ConflictDeclaration {
  @PrimaryColumn({ type: 'char', length: 26 }) id: string;
  @Column({ type: 'char', length: 26 }) applicationId: string;
  @Column({ type: 'char', length: 26 }) userId: string;
  /** The declarer's name when they declared. */
  @Column({ type: 'varchar', length: 200 }) userName: string;
  @Column({ type: 'boolean' }) hasConflict: boolean;
  @Column({ type: 'enum', enum: CONFLICT_RELATIONS, nullable: true }) relation: ConflictRelation | null;
  @Column({ type: 'varchar', length: 1000, nullable: true }) note: string | null;
  @Column({ type: 'datetime', precision: 3 }) declaredAt: Date;
}
