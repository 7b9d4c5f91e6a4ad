"""The large demo (``demo --scale large``): twenty years of records on top of the demo commission.

40 sessions, 1,200 agenda items, 100,000 exchanges, 20,000 expert assignments, 50,000 expenses and
40 sets of minutes (every set added here has 60 segments in Chinese and Russian). What speed is
measured against (issue 18, tests/benchmarks): it is written with SQLAlchemy Core ``insert()``
executemany in the caller's transaction, never ORM objects one by one, and is deterministic (the
random generator is seeded; uuids and timestamps come from it and from *today*).

The 38 sessions added are the commission's history before the demo's two: they are dated every
half year back from the first, and numbered after them (3 to 40), so that the demo's own sessions,
minutes and signed original keep their numbers and fingerprint.
"""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import func, insert, select

from app.core.demo import DemoContext
from app.core.models import AgendaItem, Exchange, Meeting, Person
from app.core.models.base import search_key
from app.core.models.exchanges import derive_status
from app.core.models.expenses import Expense
from app.core.models.experts import Assignment, assignment_people
from app.core.models.minutes import Minutes, Segment

SESSIONS = 40
AGENDA_ITEMS = 1_200
EXCHANGES = 100_000
ASSIGNMENTS = 20_000
EXPENSES = 50_000
SEGMENTS = 60
EXPERTS = 2_000  # people the assignments are shared among, one after another (no overlaps)
BATCH = 10_000

CITIES = [("北京", "Пекин", "北京饭店", "гостиница «Пекин»"),
          ("莫斯科", "Москва", "斯皮里多诺夫卡接待大厦", "Дом приёмов на Спиридоновке")]  # fmt: skip
#: the same in English, and the city after «в»
CITIES_EN = [("Beijing", "Beijing Hotel", "Пекине"), ("Moscow", "Spiridonovka Reception House", "Москве")]
TOPICS_ZH = ["关于交换技术文献的程序", "关于武器标准化问题", "关于技术条件和测量仪器", "关于邀请技术专家",
             "关于互派代表团", "关于科研和生产条件的联系", "关于教材和培训资料", "关于新机器使用经验",
             "关于技术装备的保证期", "其他问题"]  # fmt: skip
TOPICS_RU = ["О порядке обмена технической литературой", "О стандартизации вооружения",
             "О технических условиях и измерительных приборах", "О приглашении технических специалистов",
             "О взаимном направлении делегаций", "О контактах по условиям исследований и производства",
             "Об учебных пособиях и материалах", "Об опыте освоения новой техники",
             "О гарантийных сроках на техническое имущество", "Прочие вопросы"]  # fmt: skip
WORDS_ZH = ["手册", "技术条件", "标准样品", "测量仪器", "研究报告", "期刊", "教材", "目录", "装备", "光学计"]
WORDS_RU = ["Справочник", "Технические условия", "Стандартные образцы", "Измерительный прибор",
            "Научный отчёт", "Журнал", "Учебник", "Каталог", "Станок", "Оптиметр"]  # fmt: skip
SURNAMES = [("伊万诺夫", "Иванов", "Ivanov"), ("彼得罗夫", "Петров", "Petrov"), ("西多罗夫", "Сидоров", "Sidorov"),
            ("库兹涅佐夫", "Кузнецов", "Kuznetsov"), ("波波夫", "Попов", "Popov"), ("索科洛夫", "Соколов", "Sokolov"),
            ("王", "Ван", "Wang"), ("李", "Ли", "Li"), ("张", "Чжан", "Zhang"), ("刘", "Лю", "Liu"),
            ("陈", "Чэнь", "Chen"), ("杨", "Ян", "Yang")]  # fmt: skip
PLACES = [("重庆", "Чунцин"), ("沈阳", "Шэньян"), ("西安", "Сиань"), ("哈尔滨", "Харбин"),
          ("图拉", "Тула"), ("列宁格勒", "Ленинград"), ("斯维尔德洛夫斯克", "Свердловск"), ("高尔基", "Горький")]  # fmt: skip
SPECIALITIES = [("枪械生产工艺", "технология производства стрелкового оружия"),
                ("无线电定位设备", "радиолокационная аппаратура"), ("光学仪器", "оптические приборы"),
                ("火药化学", "химия порохов"), ("金属热处理", "термическая обработка металлов")]  # fmt: skip
PURPOSES = ["technical_expert", "aide", "conference", "inspection", "internship", "research_report"]
CATEGORIES = [
    "venue",
    "printing",
    "interpretation",
    "reception",
    "transport",
    "lodging",
    "per_diem",
    "communications",
]
SEGMENT_ZH = ("双方商定，于{y}年{m}月{d}日前交换第{n}批技术文献共{q}份，其中包括标准、手册和测量仪器说明书，"
              "由接收方在收到后三十日内以书面形式确认。")  # fmt: skip
SEGMENT_RU = ("Стороны договорились до {d}.{m:02d}.{y} обменяться {n}-й партией технической документации в "
              "количестве {q} экз., включая стандарты, справочники и описания измерительных приборов; получающая "
              "Сторона подтверждает получение в письменной форме в течение тридцати дней.")  # fmt: skip


def _count(s, model) -> int:
    return s.execute(select(func.count()).select_from(model.__table__)).scalar_one()


def build(ctx: DemoContext, factor: float = 1.0) -> dict[str, int]:
    """Add the history to a database that holds the demo commission; return the tables' totals.

    *factor* scales the exchanges, assignments and expenses (the tests build a hundredth)."""
    s, rng = ctx.session, ctx.rng
    cn, su = ctx.sides["CN"], ctx.sides["SU"]
    stamp = dt.datetime.combine(ctx.today, dt.time(9, 0), tzinfo=dt.UTC)

    def record() -> dict:
        return {
            "uuid": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
            "created_at": stamp,
            "updated_at": stamp,
        }

    def put(model, rows: list[dict]) -> None:
        for i in range(0, len(rows), BATCH):
            s.execute(insert(model.__table__), rows[i : i + BATCH])

    first = s.execute(select(func.min(Meeting.start_date))).scalar_one()
    top = s.execute(select(func.max(Meeting.ordinal))).scalar_one()
    extra = SESSIONS - _count(s, Meeting)
    history = [first - dt.timedelta(days=182 * (extra - k)) for k in range(extra)]  # oldest first
    meetings = []
    for k, start in enumerate(history):
        cz, cr, vz, vr = CITIES[k % 2]
        ce, ve, cin = CITIES_EN[k % 2]
        meetings.append({**record(), "ordinal": top + 1 + k, "host_side_id": (cn, su)[k % 2], "city_zh": cz,
                         "city_ru": cr, "venue_zh": vz, "venue_ru": vr, "city_en": ce, "venue_en": ve,
                         "city_ru_in": cin, "start_date": start,
                         "end_date": start + dt.timedelta(days=4), "status": "held", "notes": ""})  # fmt: skip
    put(Meeting, meetings)
    ids = dict(s.execute(select(Meeting.ordinal, Meeting.id)).all())
    new_ids = [ids[m["ordinal"]] for m in meetings]
    starts = dict(zip(new_ids, history, strict=True))

    items = []
    for k in range(AGENDA_ITEMS - _count(s, AgendaItem)):
        mid, pos = new_ids[k % extra], k // extra
        t = (k // extra) % len(TOPICS_ZH)
        items.append({**record(), "meeting_id": mid, "position": pos, "title_zh": f"{TOPICS_ZH[t]}（第{pos + 1}项）",
                      "title_ru": f"{TOPICS_RU[t]} (пункт {pos + 1})", "proposing_side_id": (cn, su)[k % 2],
                      "topic": str(t + 1), "presenter_id": None, "day": starts[mid], "start_time": None,
                      "duration_minutes": None, "status": "discussed", "notes": "", "is_standing": False,
                      "carried_from_id": None})  # fmt: skip
    put(AgendaItem, items)

    _minutes(ctx, record, put, new_ids, starts)
    put(Exchange, list(_exchanges(ctx, record, new_ids, round(EXCHANGES * factor) - _count(s, Exchange))))
    experts = max(10, round(EXPERTS * factor))
    _assignments(
        ctx, record, put, new_ids, starts, round(ASSIGNMENTS * factor) - _count(s, Assignment), experts
    )
    put(Expense, list(_expenses(ctx, record, new_ids, starts, round(EXPENSES * factor) - _count(s, Expense))))
    s.flush()
    return {
        t.__tablename__: _count(s, t) for t in (Meeting, AgendaItem, Exchange, Assignment, Expense, Minutes)
    }


def _segment(rng, date: dt.date, n: int) -> tuple[str, str]:
    q = rng.randint(3, 400)
    y, m, d = date.year, date.month, date.day
    return SEGMENT_ZH.format(y=y, m=m, d=d, n=n, q=q), SEGMENT_RU.format(y=y, m=m, d=d, n=n, q=q)


def _minutes(ctx, record, put, new_ids, starts) -> None:
    s, rng = ctx.session, ctx.rng
    put(Minutes, [{**record(), "meeting_id": mid, "status": "draft", "signed_on": None, "place_zh": "",
                   "place_ru": "", "signatory1_id": None, "signatory2_id": None, "signed_at": None, "signed_by": "",
                   "fingerprint": "", "locked": False, "marking_zh": "", "marking_ru": "", "signed_content": ""}
                  for mid in new_ids])  # fmt: skip
    by_meeting = dict(s.execute(select(Minutes.meeting_id, Minutes.id)).all())
    segments = []
    for mid in new_ids:
        start = starts[mid]
        for pos in range(SEGMENTS):
            part = "preamble" if pos < 2 else "closing" if pos >= SEGMENTS - 2 else "joint"
            kind = "heading" if pos % 10 == 2 else "paragraph"
            zh, ru = _segment(rng, start + dt.timedelta(days=30 + pos), pos + 1)
            if kind == "heading":
                t = (pos // 10) % len(TOPICS_ZH)
                zh, ru = f"{pos // 10 + 1}. {TOPICS_ZH[t]}", f"{pos // 10 + 1}. {TOPICS_RU[t]}"
            segments.append({**record(), "minutes_id": by_meeting[mid], "position": pos, "part": part, "kind": kind,
                             "text_zh": zh, "text_ru": ru, "status": "agreed", "agenda_item_id": None,
                             "decision_id": None, "accepted_findings": ""})  # fmt: skip
    put(Segment, segments)


def _exchanges(ctx, record, new_ids, n: int):
    rng, today = ctx.rng, ctx.today
    cn, su = ctx.sides["CN"], ctx.sides["SU"]
    kinds = ["book", "journal", "handbook", "directory", "standard", "textbook", "report", "sample",
             "apparatus", "materiel", "other"]  # fmt: skip
    for i in range(n):
        kind = kinds[i % len(kinds)]
        start = today - dt.timedelta(days=rng.randint(30, 7300))
        dates = {"requested_on": start}
        d = start
        for stage in ("promised_on", "sent_on", "received_on", "acknowledged_on"):
            if rng.random() < 0.15:
                break
            d = d + dt.timedelta(days=rng.randint(1, 30))
            dates[stage] = d
        w = rng.randrange(len(WORDS_RU))
        title_zh, title_ru = f"{WORDS_ZH[w]} 第{i + 1}号", f"{WORDS_RU[w]} № {i + 1}"
        reference = f"ГОСТ {1000 + i % 9000}-{50 + i % 10}" if kind == "standard" else f"СК-{i + 1:06d}"
        a, b = (cn, su) if i % 3 == 0 else (su, cn)
        received = dates.get("received_on")
        warranty = kind in ("apparatus", "materiel") and received is not None
        expires = received + dt.timedelta(days=365) if warranty else None
        yield {**record(), "kind": kind, "published": None if kind in ("sample", "apparatus", "materiel") else bool(i % 2),
               "marking_id": None, "from_side_id": a, "to_side_id": b, "title_zh": title_zh, "title_ru": title_ru,
               "title_original": title_ru if a == su else title_zh, "reference": reference, "quantity": 1 + i % 20,
               "requested_on": start, "promised_on": dates.get("promised_on"), "sent_on": dates.get("sent_on"),
               "received_on": received, "acknowledged_on": dates.get("acknowledged_on"), "declined_on": None,
               "status": derive_status(dates).value, "channel": None,
               "meeting_id": new_ids[i % len(new_ids)] if i % 4 else None, "agenda_item_id": None,
               "decision_id": None, "notes": "", "warranty_terms_zh": "", "warranty_terms_ru": "",
               "warranty_start": received if warranty else None, "warranty_months": 12 if warranty else None,
               "warranty_expires": expires,
               "search_text": search_key(title_zh, title_ru, title_ru if a == su else title_zh, reference)}  # fmt: skip


def _assignments(ctx, record, put, new_ids, starts, n: int, experts: int) -> None:
    """*n* finished assignments, each of one expert; every expert's follow one another in time."""
    s, rng, today = ctx.session, ctx.rng, ctx.today
    cn, su = ctx.sides["CN"], ctx.sides["SU"]
    people = []
    for k in range(experts):
        zh, ru, latin = SURNAMES[k % len(SURNAMES)]
        side = su if k % 2 == 0 else cn
        initials_ru, initials_latin = f"{'АБВГДЕЖЗИК'[k % 10]}. {'ЛМНОПРСТУФ'[k // 10 % 10]}.", f"{k}"
        name_ru, name_latin = f"{initials_ru} {ru}-{k + 1}", f"{latin}-{k + 1} {initials_latin}"
        name_zh = f"{zh}{k + 1}"
        org_zh, org_ru = (
            ("国营第二九六厂", "Государственный завод № 296")
            if side == cn
            else ("图拉兵工厂", "Тульский оружейный завод")
        )
        people.append({**record(), "side_id": side, "name_zh": name_zh, "name_ru": name_ru, "name_latin": name_latin,
                       "organisation_zh": org_zh, "organisation_ru": org_ru, "position_zh": "工程师",
                       "position_ru": "инженер", "notes": "",
                       "search_text": search_key(name_zh, name_ru, name_latin, org_zh, org_ru, "工程师", "инженер")})  # fmt: skip
    put(Person, people)
    uuids = [p["uuid"] for p in people]
    ids = dict(s.execute(select(Person.uuid, Person.id).where(Person.uuid.in_(uuids[:1]))).all())
    first_id = ids[uuids[0]]  # inserted in one go: consecutive ids
    rows, links = [], []
    per = -(-n // experts)
    span = 7000 // per  # days each of an expert's turns may take, oldest first
    for k in range(n):
        expert, turn = k % experts, k // experts
        p = people[expert]
        sending = p["side_id"]
        receiving = cn if sending == su else su
        start = today - dt.timedelta(days=7300 - turn * span - rng.randint(0, span // 3))
        days = rng.randint(30, span // 2)
        end = start + dt.timedelta(days=days)
        pz, pr = PLACES[(k // 7) % len(PLACES)]
        sz, sr = SPECIALITIES[k % len(SPECIALITIES)]
        hz, hr = (
            ("国营第二九六厂", "Государственный завод № 296")
            if receiving == cn
            else ("图拉兵工厂", "Тульский оружейный завод")
        )
        status = "cancelled" if k % 50 == 0 else "completed"
        mid = new_ids[min(len(new_ids) - 1, max(0, sum(1 for m in new_ids if starts[m] <= start) - 1))]
        rows.append({**record(), "sending_side_id": sending, "receiving_side_id": receiving,
                     "purpose": PURPOSES[k % len(PURPOSES)], "status": status, "host_organisation_zh": hz,
                     "host_organisation_ru": hr, "place_zh": pz, "place_ru": pr, "speciality_zh": sz,
                     "speciality_ru": sr, "planned_start": start, "planned_end": end,
                     "actual_start": None if status == "cancelled" else start,
                     "actual_end": None if status == "cancelled" else end, "term_limit_days": max(days, 90),
                     "extension_days": 0, "extension_reason": "", "terms_zh": "", "terms_ru": "",
                     "meeting_id": mid, "decision_id": None, "quota_id": None, "notes": "", "start_date": start,
                     "end_date": end, "term_end": start + dt.timedelta(days=max(days, 90)), "head_count": 1,
                     "search_text": search_key(p["name_zh"], p["name_ru"], p["name_latin"], hz, hr, pz, pr, sz, sr)})  # fmt: skip
    put(Assignment, rows)
    ids = dict(
        s.execute(select(Assignment.uuid, Assignment.id).where(Assignment.uuid == rows[0]["uuid"])).all()
    )
    first_assignment = ids[rows[0]["uuid"]]
    for k in range(n):
        links.append({"assignment_id": first_assignment + k, "person_id": first_id + k % experts})
    for i in range(0, len(links), BATCH):
        s.execute(insert(assignment_people), links[i : i + BATCH])


def _expenses(ctx, record, new_ids, starts, n: int):
    rng = ctx.rng
    cn, su = ctx.sides["CN"], ctx.sides["SU"]
    hosts = {mid: (cn, su)[k % 2] for k, mid in enumerate(new_ids)}
    for i in range(n):
        mid = new_ids[i % len(new_ids)]
        host = hosts[mid]
        delegation = i % 3 != 0
        side = (su if host == cn else cn) if delegation else None
        payer = side or host
        currency = "CNY" if payer == cn else "SUR"
        category = CATEGORIES[i % len(CATEGORIES)]
        zh, ru = f"会议费用第{i + 1}笔", f"Расходы по заседанию, статья {i + 1}"
        yield {**record(), "meeting_id": mid, "kind": "delegation" if delegation else "organisation",
               "category": category, "delegation_side_id": side, "amount_minor": rng.randint(1_000, 5_000_000),
               "currency": currency, "spent_on": starts[mid] + dt.timedelta(days=rng.randint(-10, 4)),
               "description_zh": zh, "description_ru": ru, "correction_of_id": None, "correction_reason": "",
               "search_text": search_key(zh, ru)}  # fmt: skip
