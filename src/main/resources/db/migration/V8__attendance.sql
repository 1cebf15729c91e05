-- Who is present in running calls, page by page, as every node sees it (several nodes): the
-- node that serves the page writes its row when the page opens, on each heartbeat and when it
-- switches its camera or microphone, and deletes it when the page closes. A row whose heartbeat
-- is older than the presence timeout belongs to a page that is gone (its node may have died).
-- Page numbers come from one sequence, so they are unique across nodes.
create sequence attendance_tokens start with 1;

create table attendance (
    token         bigint primary key,
    cid           varchar(130)                not null,
    node          varchar(64)                 not null,
    user_id       varchar(64)                 not null,
    display_name  varchar(120)                not null,
    may_audio     boolean                     not null,
    may_video     boolean                     not null,
    audio_on      boolean                     not null,
    video_on      boolean                     not null,
    last_seen     timestamp(6) with time zone not null
);

create index attendance_by_call on attendance (cid);
