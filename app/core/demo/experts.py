"""Demo: the experts register. Quotas from the first session's decisions 5 and 6, and some sixty
assignments in both directions and every status: some past their term, some ending soon, one
invitation unanswered for weeks, one person in two assignments at once, and the quota of aides
nearly used up.

Everything goes through the services, so the demo obeys the same rules as a user; dates count
from ``ctx.today``.
"""

from __future__ import annotations

import datetime as dt

from app.core.demo.experts_people import (
    CHINESE,
    HOSTS,
    ORGS,
    PLACES_EN,
    POSITIONS,
    SOVIET,
    SPECIALITIES,
    TERMS,
)
from app.core.demo.sessions import session_dates
from app.core.models import Person
from app.core.models.experts import PROCEDURE
from app.core.models.experts import AssignmentPurpose as P
from app.core.models.experts import AssignmentStatus as S
from app.core.services.experts import assignments as experts
from app.core.services.experts import procedure as experts_procedure
from app.core.services.experts import quotas as experts_quotas
from app.core.services.experts.assignments import AssignmentData, StepData
from app.core.services.experts.quotas import QuotaData

SU_CN, CN_SU = ("SU", "CN"), ("CN", "SU")

# (people, direction, purpose, host, speciality, start (days from today), stay (days), term limit
#  (days), status, quota, extra); quota keys: "experts", "aides", "visits"; None: no quota.
ASSIGNMENTS = [
    # Soviet technical experts in China (decision 5): 22 of 25 counted
    (["smirnov"], SU_CN, P.TECHNICAL_EXPERT, "p296", "small_arms", -132, 730, 730, S.ON_SITE, "experts", {}),
    (["ivanov"], SU_CN, P.TECHNICAL_EXPERT, "p296", "small_arms", -128, 548, 730, S.ON_SITE, "experts", {}),
    (["petrov"], SU_CN, P.TECHNICAL_EXPERT, "p247", "artillery", -125, 730, 730, S.ON_SITE, "experts", {}),
    (["mikhailov"], SU_CN, P.TECHNICAL_EXPERT, "p247", "steel", -121, 365, 365, S.ON_SITE, "experts", {}),
    (["fedorov"], SU_CN, P.TECHNICAL_EXPERT, "p298", "optics", -118, 730, 730, S.ON_SITE, "experts", {}),
    (["morozov"], SU_CN, P.TECHNICAL_EXPERT, "taiyuan_heavy", "machine_tools", -140, 150, 150, S.ON_SITE,
     "experts", {}),
    (["vasiliev"], SU_CN, P.TECHNICAL_EXPERT, "p296", "heat", -135, 120, 120, S.ON_SITE, "experts",
     {"notes": ("延长三个月的请求已提交苏方，尚无答复。",
                "Просьба о продлении на 3 месяца направлена советской стороне, ответа пока нет.")}),
    (["pavlov"], SU_CN, P.TECHNICAL_EXPERT, "p743", "ammunition", -110, 365, 365, S.ON_SITE, "experts", {}),
    (["semenov"], SU_CN, P.TECHNICAL_EXPERT, "p743", "lab", -96, 365, 365, S.ON_SITE, "experts", {}),
    (["golubev"], SU_CN, P.TECHNICAL_EXPERT, "p845", "powder", -138, 160, 160, S.ON_SITE, "experts", {}),
    (["vinogradov"], SU_CN, P.TECHNICAL_EXPERT, "p298", "optics", -80, 365, 365, S.ON_SITE, "experts", {}),
    (["bogdanov"], SU_CN, P.TECHNICAL_EXPERT, "inst10", "radar", -140, 90, 90, S.COMPLETED, "experts", {}),
    (["vorobiev"], SU_CN, P.TECHNICAL_EXPERT, "taiyuan_heavy", "steel", -137, 75, 90, S.COMPLETED, "experts", {}),
    (["nikitin"], SU_CN, P.TECHNICAL_EXPERT, "p112", "machine_tools", -120, 60, 60, S.COMPLETED, "experts", {}),
    (["makarov"], SU_CN, P.TECHNICAL_EXPERT, "harbin_mil", "artillery", 12, 365, 730, S.TRAVEL_ARRANGED,
     "experts", {}),
    (["andreev"], SU_CN, P.TECHNICAL_EXPERT, "p845", "powder", 20, 365, 365, S.TRAVEL_ARRANGED, "experts", {}),
    (["kovalev"], SU_CN, P.TECHNICAL_EXPERT, "p112", "welding", 45, 365, 365, S.ACCEPTED, "experts", {}),
    (["ilyin"], SU_CN, P.TECHNICAL_EXPERT, "inst10", "radar", 60, 365, 365, S.ACCEPTED, "experts", {}),
    (["gusev"], SU_CN, P.TECHNICAL_EXPERT, "harbin_mil", "metrology", 50, 365, 365, S.INVITED, "experts",
     {"invited_ago": 41}),
    (["titov"], SU_CN, P.TECHNICAL_EXPERT, "p298", "optics", 70, 548, 730, S.INVITED, "experts", {}),
    (["kuzmin"], SU_CN, P.TECHNICAL_EXPERT, "p743", "machine_tools", 80, 365, 365, S.INVITED, "experts", {}),
    (["medvedev"], SU_CN, P.TECHNICAL_EXPERT, "p247", "artillery", 100, 730, 730, S.PROPOSED, "experts", {}),
    (["antonov"], SU_CN, P.TECHNICAL_EXPERT, "p296", "small_arms", 110, 365, 365, S.PROPOSED, "experts", {}),
    (["tarasov"], SU_CN, P.TECHNICAL_EXPERT, "harbin_mil", "metrology", 30, 365, 365, S.CANCELLED, "experts",
     {"reached": S.ACCEPTED, "cancel": ("因健康原因，苏方撤回派遣。", "Направление отменено советской стороной по состоянию здоровья специалиста.")}),
    # Soviet aides in China (decision 5): 9 of 10 counted, the quota nearly used up
    (["karpova"], SU_CN, P.AIDE, "p296", "translation", -130, 730, 730, S.ON_SITE, "aides", {}),
    (["ershova"], SU_CN, P.AIDE, "p247", "lab", -120, 365, 365, S.ON_SITE, "aides", {}),
    (["frolova"], SU_CN, P.AIDE, "p247", "drawings", -118, 365, 365, S.ON_SITE, "aides", {}),
    (["zhukov"], SU_CN, P.AIDE, "p743", "machine_tools", -105, 365, 365, S.ON_SITE, "aides", {}),
    (["polyakov"], SU_CN, P.AIDE, "taiyuan_heavy", "machine_tools", -136, 150, 150, S.ON_SITE, "aides", {}),
    (["kiselev"], SU_CN, P.AIDE, "p298", "optics", 16, 365, 365, S.TRAVEL_ARRANGED, "aides", {}),
    (["komarov"], SU_CN, P.AIDE, "p296", "small_arms", 40, 365, 365, S.ACCEPTED, "aides", {}),
    (["egorov"], SU_CN, P.AIDE, "p845", "ammunition", 75, 365, 365, S.INVITED, "aides", {}),
    (["stepanova"], SU_CN, P.AIDE, "harbin_mil", "translation", 95, 365, 365, S.PROPOSED, "aides", {}),
    (["nikolaev"], SU_CN, P.AIDE, "p112", "welding", 25, 365, 365, S.CANCELLED, "aides",
     {"cancel": ("中方接待单位推迟建设，双方同意取消。", "Отменено по согласию сторон в связи с переносом строительства на принимающем заводе.")}),
    # Chinese specialists and trainees in the USSR (decision 6): up to 3 months each
    (["wang_dm", "li_gh", "zhang_zq"], CN_SU, P.INTERNSHIP, "tula", "small_arms", -140, 90, 90, S.COMPLETED,
     "visits", {}),
    (["liu_jg", "chen_lx"], CN_SU, P.INTERNSHIP, "uralmash", "artillery", -135, 88, 90, S.COMPLETED, "visits", {}),
    (["yang_xy", "huang_yn"], CN_SU, P.INTERNSHIP, "lomo", "optics", -128, 90, 90, S.COMPLETED, "visits", {}),
    (["zhao_bs"], CN_SU, P.INSPECTION, "kalinin", "ammunition", -120, 21, 30, S.COMPLETED, "visits", {}),
    (["zhou_jj", "xu_wb"], CN_SU, P.INSPECTION, "nii11", "radar", -96, 28, 30, S.COMPLETED, "visits", {}),
    (["ma_ds", "zhu_cz", "tang_yx"], CN_SU, P.INTERNSHIP, "kalinin", "powder", -101, 90, 90, S.ON_SITE,
     "visits", {}),
    (["hu_gy", "guo_zp"], CN_SU, P.INTERNSHIP, "izhevsk", "machine_tools", -76, 90, 90, S.ON_SITE, "visits", {}),
    (["gao_ss", "lin_ht"], CN_SU, P.INTERNSHIP, "bauman", "metrology", -60, 90, 90, S.ON_SITE, "visits", {}),
    (["wu_zh"], CN_SU, P.INSPECTION, "cniim", "steel", -9, 30, 30, S.ON_SITE, "visits", {}),
    (["luo_qy", "cao_js"], CN_SU, P.INTERNSHIP, "uralmash", "heat", 9, 90, 90, S.TRAVEL_ARRANGED, "visits", {}),
    (["zheng_kq", "deng_wm", "pan_sw"], CN_SU, P.INTERNSHIP, "gaz", "welding", 21, 90, 90, S.TRAVEL_ARRANGED,
     "visits", {}),
    (["song_yy", "tian_jj"], CN_SU, P.INSPECTION, "vnii_st", "standards", 35, 21, 30, S.ACCEPTED, "visits", {}),
    (["liang_zb", "yuan_gd"], CN_SU, P.INTERNSHIP, "tula", "small_arms", 55, 90, 90, S.INVITED, "visits", {}),
    (["xie_bj", "zeng_qh"], CN_SU, P.INTERNSHIP, "lomo", "optics", 80, 90, 90, S.PROPOSED, "visits", {}),
    (["han_df", "xiao_cc"], CN_SU, P.INTERNSHIP, "izhevsk", "welding", 30, 90, 90, S.CANCELLED, "visits",
     {"reached": S.TRAVEL_ARRANGED, "cancel": ("苏方接待单位改建车间，本批实习推迟至明年。",
                 "Стажировка перенесена на следующий год в связи с реконструкцией цеха принимающего завода.")}),
    (["peng_sl", "feng_zl", "dong_xf"], CN_SU, P.INTERNSHIP, "cniim", "steel", -30, 90, 90, S.ON_SITE, "visits",
     {}),
    # Conferences, research reports and inspections outside the quotas
    (["zhang", "sun"], CN_SU, P.CONFERENCE, "bauman", "metrology", -100, 6, 10, S.COMPLETED, None,
     {"meeting": 1}),
    (["belov"], SU_CN, P.RESEARCH_REPORT, "inst10", "radar", -88, 10, 14, S.COMPLETED, None, {"meeting": 1}),
    (["orlov", "ilyin", "zaitsev"], SU_CN, P.INSPECTION, "p247", "steel", 40, 14, 21, S.PROPOSED, None,
     {}),
    (["bogdanov"], SU_CN, P.CONFERENCE, "harbin_mil", "radar", 65, 7, 10, S.INVITED, None, {"invited_ago": 26}),
    (["sun_gl", "he_yz"], CN_SU, P.RESEARCH_REPORT, "cniim", "lab", 50, 10, 14, S.ACCEPTED, None, {}),
    (["zhang"], CN_SU, P.CONFERENCE, "vnii_st", "standards", 28, 5, 7, S.TRAVEL_ARRANGED, None, {}),
    (["volkov"], SU_CN, P.INSPECTION, "p296", "small_arms", -45, 12, 14, S.COMPLETED, None, {}),
    # the overlap: Fedorov, on site in Kunming, is also down for a research report in Beijing
    (["fedorov"], SU_CN, P.RESEARCH_REPORT, "inst10", "optics", 18, 6, 7, S.ACCEPTED, None,
     {"override": "王振国副部长同意费奥多罗夫同志在北京作报告期间暂离昆明。"}),
    (["belov", "zaitsev"], SU_CN, P.CONFERENCE, "harbin_mil", "steel", 120, 5, 7, S.PROPOSED, None, {}),
]  # fmt: skip

# Who handles the steps: (sending side person, receiving side person) per direction
HANDLERS = {SU_CN: ("sokolova", "liu"), CN_SU: ("chen", "sokolova")}

# Days before the start at which each step happens (proposed, invited, accepted, travel arranged)
LEADS = (90, 70, 45, 15)


def _add_people(ctx) -> None:
    for group, code in ((SOVIET, "SU"), (CHINESE, "CN")):
        for key, (nzh, nru, nlat, org, pos) in group.items():
            ozh, oru = ORGS[org]
            pzh, pru = POSITIONS[pos]
            p = Person(side_id=ctx.sides[code], name_zh=nzh, name_ru=nru, name_latin=nlat,
                       organisation_zh=ozh, organisation_ru=oru, position_zh=pzh, position_ru=pru)  # fmt: skip
            ctx.session.add(p)
            ctx.session.flush()
            ctx.people[key] = p.id


def _quotas(ctx) -> dict[str, int]:
    end1 = session_dates(ctx.today)[1][1]
    start = end1 + dt.timedelta(days=1)
    su, cn = ctx.sides["SU"], ctx.sides["CN"]
    specs = {
        "experts": QuotaData(su, cn, (P.TECHNICAL_EXPERT,), number=25, period_from=start,
                             period_to=start + dt.timedelta(days=729), max_term_days=730,
                             decision_id=ctx.decisions[(1, 5)]),
        "aides": QuotaData(su, cn, (P.AIDE,), number=10, period_from=start,
                           period_to=start + dt.timedelta(days=729), max_term_days=730,
                           decision_id=ctx.decisions[(1, 5)]),
        "visits": QuotaData(cn, su, (P.INSPECTION, P.INTERNSHIP), number=40, period_from=start,
                            period_to=start + dt.timedelta(days=364), max_term_days=90,
                            decision_id=ctx.decisions[(1, 6)]),
    }  # fmt: skip
    return {k: experts_quotas.save_quota(ctx.session, q).id for k, q in specs.items()}


def _step_dates(ctx, start: dt.date, stay: int, status: S, extra: dict) -> list[tuple[S, dt.date]]:
    """The steps up to ``status`` (for a cancelled assignment, up to the step it had reached)."""
    today = ctx.today
    reached = extra.get("reached", S.INVITED) if status is S.CANCELLED else status
    n = reached.rank + 1
    if reached.rank >= S.ON_SITE.rank:
        dates = [start - dt.timedelta(days=d) for d in LEADS] + [start, start + dt.timedelta(days=stay - 1)]
    else:  # not there yet: the last step a few days or weeks ago, the earlier ones before it
        dates = [today - dt.timedelta(days=extra.get("invited_ago") or ctx.rng.randint(2, 18))]
        for _i in range(n - 1):
            dates.insert(0, dates[0] - dt.timedelta(days=ctx.rng.randint(10, 25)))
    return list(zip(PROCEDURE[:n], dates[:n], strict=True))


def build(ctx) -> None:
    _add_people(ctx)
    quotas = _quotas(ctx)
    s, today = ctx.session, ctx.today
    for keys, direction, purpose, host, spec, offset, stay, term, status, quota, extra in ASSIGNMENTS:
        sending, receiving = direction
        ozh, oru, pzh, pru = HOSTS[host]
        szh, sru = SPECIALITIES[spec]
        tzh, tru = TERMS["su_expert" if direction == SU_CN and quota else
                         "cn_trainee" if quota else "visit"]  # fmt: skip
        start = today + dt.timedelta(days=offset)
        decision = {"experts": 5, "aides": 5, "visits": 6}.get(quota or "")
        meeting = extra.get("meeting", 1 if decision else None)
        notes_zh, notes_ru = extra.get("notes", ("", ""))
        data = AssignmentData(
            sending_side_id=ctx.sides[sending],
            receiving_side_id=ctx.sides[receiving],
            person_ids=tuple(ctx.people[k] for k in keys),
            purpose=purpose,
            host_organisation_zh=ozh,
            host_organisation_ru=oru,
            place_zh=pzh,
            place_ru=pru,
            place_en=PLACES_EN.get(pru, ""),
            speciality_zh=szh,
            speciality_ru=sru,
            planned_start=start,
            planned_end=start + dt.timedelta(days=stay - 1),
            term_limit_days=term,
            terms_zh=tzh,
            terms_ru=tru,
            meeting_id=ctx.meetings[meeting] if meeting else None,
            decision_id=ctx.decisions[(1, decision)] if decision else None,
            quota_id=quotas[quota] if quota else None,
            notes=notes_ru if sending == "SU" else notes_zh,
        )
        handlers = HANDLERS[direction]
        send_h, recv_h = ctx.people[handlers[0]], ctx.people[handlers[1]]
        steps = _step_dates(ctx, start, stay, status, extra)
        first = StepData(S.PROPOSED, steps[0][1], sending_person_id=send_h)
        saved = experts.save_assignment(
            s, data, today=today, proposed=first, override_reason=extra.get("override", "")
        )
        for st, day in steps[1:]:
            experts_procedure.advance(s, saved.id, StepData(st, day, send_h, "", recv_h, ""), today=today)
        if status is S.CANCELLED:
            zh, ru = extra["cancel"]
            day = min(today, steps[-1][1] + dt.timedelta(days=ctx.rng.randint(1, 6)))
            experts_procedure.advance(s, saved.id, StepData(S.CANCELLED, day, send_h, "", recv_h, "", ru if sending == "SU" else zh),
                            today=today)  # fmt: skip
