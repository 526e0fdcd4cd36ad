-- The smallest difference in the goal's rate the practice cares about, as its campaign's start said (null: 0.10).
alter table campaign add column difference_worth_knowing numeric(4, 3);
