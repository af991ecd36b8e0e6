import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A weekday that is not a working day (a public holiday, a day given back for one, a swapped day). */
@Entity('holidays')
export class Holiday {
  @PrimaryColumn({ type: 'date' })
  date: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** Null for the days the migration seeded. */
  @Column({ type: 'char', length: 26, nullable: true })
  createdBy: string | null;

  @Column({ type: 'datetime', precision: 3 })
  createdAt: Date;
}
