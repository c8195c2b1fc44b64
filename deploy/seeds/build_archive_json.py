#!/usr/bin/env python3
# Builds seeds/archive.json from the archivists' selections below: each quote is located in its normalised source
# text, so spans are computed, never typed by hand. Run: python3 deploy/seeds/build_archive_json.py
import json, unicodedata, re, sys
import os
D=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "seeds") + os.sep
F0,F1,F2,F3,F4="000_4f9277a8798168ea.txt","001_94d3bffa36e44ea7.txt","002_256adc15624875b2.txt","003_08458401dea6c4ff.txt","004_79b86d5a2118743c.txt"
def norm(p): return unicodedata.normalize("NFC",open(D+p,encoding="utf-8").read().replace("\r\n","\n").replace("\r","\n")).strip()
texts={f:norm(f) for f in (F0,F1,F2,F3,F4)}
actors=[
 dict(id="lin-jian",name="Lin Jian",kind="person",country="CN",aliases=["Chinese Foreign Ministry spokesperson"]),
 dict(id="jiang-zaidong",name="Jiang Zaidong",kind="person",country="CN",aliases=["Chinese Ambassador to Pakistan"]),
 dict(id="wang-yi",name="Wang Yi",kind="person",country="CN",aliases=["Foreign Minister of the People's Republic of China"]),
 dict(id="ishaq-dar",name="Mohammad Ishaq Dar",kind="person",country="PK",aliases=["Ishaq Dar","Dar"]),
 dict(id="xi-jinping",name="Xi Jinping",kind="person",country="CN",aliases=["President Xi"]),
 dict(id="asif-ali-zardari",name="Asif Ali Zardari",kind="person",country="PK",aliases=["President Zardari"]),
 dict(id="shehbaz-sharif",name="Shehbaz Sharif",kind="person",country="PK",aliases=["Prime Minister Shehbaz Sharif"]),
 dict(id="government-of-china",name="Government of the People's Republic of China",kind="organisation",country="CN",aliases=["China"]),
 dict(id="government-of-pakistan",name="Government of the Islamic Republic of Pakistan",kind="organisation",country="PK",aliases=["Pakistan"]),
]
topics=[
 ("cpec","China-Pakistan Economic Corridor","The corridor and its 2.0 upgraded version under the Belt and Road Initiative.",None),
 ("media-cooperation","Media cooperation","Exchanges between Chinese and Pakistani media.","people-to-people-exchange"),
 ("agriculture","Agriculture","Agricultural trade, training and CPEC agricultural projects.","cpec"),
 ("gwadar-port","Gwadar Port","Development and operation of Gwadar Port and its free zone.","cpec"),
 ("karakoram-highway","Karakoram Highway","The Karakoram Highway, its Phase II realignment and the Khunjerab crossing.","cpec"),
 ("counter-terrorism","Counter-terrorism","Security cooperation against terrorism.","security-cooperation"),
 ("security-cooperation","Security cooperation","Security of people, projects and institutions.",None),
 ("one-china-principle","One-China principle","Pakistan's position on Taiwan and China's core interests.",None),
 ("people-to-people-exchange","People-to-people exchange","Education, youth, culture, think tanks and media ties.",None),
 ("multilateralism","Multilateralism","Coordination in the United Nations and other multilateral forums.",None),
 ("afghanistan","Afghanistan","Afghanistan and the China-Afghanistan-Pakistan trilateral dialogue.",None),
 ("strategic-partnership","All-weather strategic cooperative partnership","The overall China-Pakistan relationship.",None),
]
sources=[
 dict(file=F0,title="China ready to deepen media cooperation with Pakistan to support CPEC 2.0",outlet=None,url=None,publishedOn=None,language="en"),
 dict(file=F1,title="Chinese Ambassador Jiang Zaidong on strengthening the all-weather strategic cooperative partnership",outlet=None,url=None,publishedOn="2025-02-25",language="en"),
 dict(file=F2,title="Joint statement on the Seventh Round of the China-Pakistan Foreign Ministers' Strategic Dialogue, with commentary",outlet=None,url=None,publishedOn=None,language="en"),
 dict(file=F3,title="China-Pakistan all-weather strategic cooperative partnership (article by the Chinese Ambassador to Pakistan)",outlet=None,url=None,publishedOn="2025-02-21",language="en"),
 dict(file=F4,title="China, Pakistan reaffirm all-weather partnership at the Seventh Strategic Dialogue",outlet=None,url=None,publishedOn=None,language="en"),
]
BRIEF="regular press briefing of the Chinese Foreign Ministry on the 9th CPEC Media Forum"
MEDIA1="talk to the media after addressing a ceremony in Islamabad"
OPED="signed article by the Chinese Ambassador to Pakistan"
JOINT="joint statement of the Seventh Round of the China-Pakistan Foreign Ministers' Strategic Dialogue, Beijing"
DIALOGUE="Seventh Round of the China-Pakistan Foreign Ministers' Strategic Dialogue, Beijing"
N0="the briefing followed the 24 December 2025 forum; the source gives no date for it, so the forum date is recorded as the earliest possible day"
N1="article dated 2025-02-25 (a Tuesday); 'Monday' in the text is 2025-02-24"
N3="the article is dated 2025-02-21 and is written in the ambassador's voice: its passages match his remarks to the media of 2025-02-24 in another source"
N2="the dialogue was held on 4 January 2026 (stated in the text)"
S=[]
def st(actor,f,quote,kind,said,occasion,tps,co=(),note=""):
    S.append((actor,f,quote,kind,said,occasion,list(tps),list(co),note))
# --- 000 Lin Jian
st("lin-jian",F0,"He said China remains committed to enhancing cooperation with Pakistan across media and various other fields to promote sound public opinion for robust bilateral relations.","reported","2025-12-24",BRIEF,["media-cooperation","strategic-partnership"],note=N0)
st("lin-jian",F0,"Lin Jian noted that participants at the forum highly appreciated the development achievements of China-Pakistan Economic Corridor and stressed the need for closer media collaboration between the two countries.","reported","2025-12-24",BRIEF,["cpec","media-cooperation"],note=N0)
st("lin-jian",F0,"He emphasized that stronger media exchanges can help carry forward the long-standing friendship and strategic partnership between China and Pakistan.","reported","2025-12-24",BRIEF,["media-cooperation","people-to-people-exchange"],note=N0)
st("lin-jian",F0,"The spokesperson said the 9th CPEC Media Forum was successfully held on December 24.","reported","2025-12-24",BRIEF,["media-cooperation","cpec"],note=N0)
st("lin-jian",F0,"China and Pakistan are iron-clad friends and always strategic cooperative partners,","direct","2025-12-24",BRIEF,["strategic-partnership"],note=N0)
st("lin-jian",F0,"He added that China is ready to work with Pakistan to accelerate the building of an even closer China-Pakistan community with a shared future in the new era.","reported","2025-12-24",BRIEF,["strategic-partnership"],note=N0)
st("lin-jian",F0,"China has said that it is ready to further deepen exchanges and cooperation with Pakistan, particularly in the media sector, to strengthen mutual understanding and support the development of China-Pakistan Economic Corridor (CPEC) 2.0.","reported","2025-12-24",BRIEF,["media-cooperation","cpec"],note=N0+"; the next sentence names Lin Jian as the one who made the remarks")
# --- 001 Jiang Zaidong
st("jiang-zaidong",F1,"We are ready to expand cooperation with Pakistan in education, media, think tanks, youth exchanges, and the film and television industries, to foster mutual learning between civilizations and strengthen cultural and people-to-people ties,","direct","2025-02-24",MEDIA1,["people-to-people-exchange","media-cooperation"],note=N1)
st("jiang-zaidong",F1,"We will help Pakistan in developing human resources, increasing training opportunities, and implement the bilateral initiative of sending 1,000 Pakistanis to China for modern agricultural training.","direct","2025-02-24",MEDIA1,["agriculture","people-to-people-exchange"],note=N1)
st("jiang-zaidong",F1,"Jiang Zaidong Monday said that it is a high time to take profound and substantial steps to further strengthen China-Pakistan all-weather strategic cooperative partnership.","reported","2025-02-24",MEDIA1,["strategic-partnership"],note=N1)
st("jiang-zaidong",F1,"We must aim high to deepen high-level strategic cooperation.","direct","2025-02-24",MEDIA1,["strategic-partnership"],note=N1)
st("jiang-zaidong",F1,"We are prepared to work with Pakistan to ensure effective implementation, focusing on key projects. We’ll continue to advance the realignment of the Karakoram Highway Phase II and the upgrade of the Main Line-1 railway project, actively promote the comprehensive development and operation of Gwadar Port, and ensure the stable operation of the Khunjerab Pass besides expanding cooperation in agricultural.","direct","2025-02-24",MEDIA1,["cpec","karakoram-highway","gwadar-port","agriculture"],note=N1)
st("jiang-zaidong",F1,"He said that last year, China-Pakistan agricultural trade exceeded $1 billion, with Pakistan enjoying a valuable surplus of $237 million.","reported","2025-02-24",MEDIA1,["agriculture"],note=N1)
st("jiang-zaidong",F1,"We aim to promote modern and efficient agricultural cooperation. We’ll expand new models like contract farming to enhance the sense of fulfillment for enterprises and farmers in both countries.","direct","2025-02-24",MEDIA1,["agriculture","cpec"],note=N1)
st("jiang-zaidong",F1,"He said that China is ready to deepen practical cooperation with Pakistan in various fields, work together to upgrade CPEC cooperation, and help Pakistan consolidate its development foundations and unleash its development potential.","reported","2025-02-24",MEDIA1,["cpec"],note=N1)
st("jiang-zaidong",F1,"He said that China will continue to carry out more small but beautiful projects to benefit people of Pakistan’s livelihoods.","reported","2025-02-24",MEDIA1,["people-to-people-exchange"],note=N1)
# --- 003 op-ed (Jiang Zaidong as author) and those it quotes
st("jiang-zaidong",F3,"We must keep pace with the times to deepen high-level security cooperation.","direct","2025-02-21",OPED,["security-cooperation"],note=N3)
st("jiang-zaidong",F3,"We will, as always, firmly support Pakistan’s counter-terrorism efforts and are ready to provide necessary support for Pakistan’s anti-terrorism capacity building.","direct","2025-02-21",OPED,["counter-terrorism","security-cooperation"],note=N3)
st("jiang-zaidong",F3,"We also look forward to working with Pakistan to practise the Global Security Initiative, enhance development cooperation to eradicate the breeding grounds of terrorism, and promote multilateral counter-terrorism cooperation to effectively rally our collective forces against terrorism.","direct","2025-02-21",OPED,["counter-terrorism","multilateralism"],note=N3)
st("jiang-zaidong",F3,"We are pleased to see that the newly built Gwadar New International Airport, fully funded by China, has recently commenced commercial operations, marking Gwadar’s new step toward a regional connectivity hub.","direct","2025-02-21",OPED,["gwadar-port","cpec"],note=N3)
st("jiang-zaidong",F3,"We must uphold multilateralism to deepen high-level international collaboration.","direct","2025-02-21",OPED,["multilateralism"],note=N3)
st("jiang-zaidong",F3,"Together, we will work toward an equal and orderly multipolar world and universally beneficial and inclusive economic globalization to jointly protect the interests of developing countries and international equity and justice.","direct","2025-02-21",OPED,["multilateralism"],note=N3)
st("xi-jinping",F3,"President Xi Jinping emphasized that security is the prerequisite for development, and development is the guarantee for security.","reported","2025-02-05",OPED,["security-cooperation"],note=N3+"; said in talks during President Zardari's state visit 'earlier this month' (February 2025); the source gives no day, so 2025-02-05, the day of the talks in Beijing, is recorded")
st("xi-jinping",F3,"President Xi Jinping emphasized that China’s friendly policy toward Pakistan is always directed towards the entire Pakistani people.","reported","2025-02-05",OPED,["people-to-people-exchange"],note=N3+"; said during President Zardari's February 2025 state visit")
st("xi-jinping",F3,"He pointed out that the planning and layout of the CPEC should take into account all regions of Pakistan so that the benefits of development can be shared by all Pakistani people.","reported","2025-02-05",OPED,["cpec"],note=N3+"; 'He' is President Xi, named in the preceding sentence")
st("xi-jinping",F3,"President Xi Jinping has stated that China is ready to walk hand in hand with Pakistan on our respective paths to modernization, and welcomes Pakistan to to become one of the first countries to benefit from China’s further deepening of reform comprehensively and expanding high-standard opening up.","reported","2025-02-05",OPED,["strategic-partnership"],note=N3+"; the duplicated 'to to' is in the source and kept")
st("xi-jinping",F3,"President Xi Jinping stated that China appreciates Pakistan’s active support for the three global initiatives and participation in relevant cooperation and is ready to work with Pakistan to uphold the Five Principles of Peaceful Coexistence, resist unilateralism and hegemonic practices, strengthen multilateral coordination, and safeguard the common interests of developing countries.","reported","2025-02-05",OPED,["multilateralism"],note=N3)
st("asif-ali-zardari",F3,"During his visit, President Zardari reiterated Pakistan’s commitment to ensuring the safety of Chinese personnel, projects, and institutions in Pakistan.","reported","2025-02-05",OPED,["security-cooperation"],note=N3+"; said during his February 2025 state visit to China")
st("shehbaz-sharif",F3,"Prime Minister Shehbaz Sharif also repeatedly stated that Pakistan will resolutely combat and severely punish terrorists.","reported","2025-02-05",OPED,["counter-terrorism"],note=N3+"; 'repeatedly' in the source: the talks during the February 2025 visit are recorded as the occasion")
st("ishaq-dar",F3,"Deputy Prime Minister and Foreign Minister Dar, along with representatives from many other countries, joined China in voicing strong support for practising genuine multilateralism.","reported","2025-02-18","high-level UN Security Council meeting chaired by Wang Yi",["multilateralism"],note="the meeting was held on February 18 (stated in the text), before the article of 2025-02-21")
# --- 002 joint statement
J=lambda q,t,actor="government-of-china",co=("government-of-pakistan",): st(actor,F2,q,"joint","2026-01-04",JOINT,t,co,note=N2)
J("The two sides agreed to deepen synergy between their development strategies and priority areas, and to build a 2.0 version of the China-Pakistan Economic Corridor, which is a pioneering project of high-quality Belt and Road cooperation.",["cpec"])
J("The two sides will cooperate in such areas as industry, agriculture, and mining, develop and operate Gwadar Port with high quality, ensure smooth operation of the Karakoram Highway, and boost Pakistan’s capacity for sustainable development.",["cpec","agriculture","gwadar-port","karakoram-highway"])
J("The two sides will also deepen cooperation in business, investment, information technology, science and technology, cyber security, vocational training and education, and cultural and people-to-people exchanges.",["people-to-people-exchange"])
J("The two sides will take advantage of the year-round opening of the Khunjerab Pass to deepen economic and trade ties as well as people-to-people exchanges between the two countries.",["karakoram-highway","people-to-people-exchange"])
J("The two sides welcomed third parties to participate in CPEC cooperation on the basis of mutually agreed modalities.",["cpec","multilateralism"])
J("Moreover, the two sides agreed to further strengthen their cooperation between the financial and banking sectors of the two countries, including providing mutual support at regional and international multilateral financial platforms.",["multilateralism"])
J("Pakistan thanked China for its support in the financial sector.",["strategic-partnership"],actor="government-of-pakistan",co=("government-of-china",))
# --- 004 news report of the dialogue
R=lambda actor,q,t,co=(),kind="reported": st(actor,F4,q,kind,"2026-01-04",DIALOGUE,t,co,note="reported from the dialogue of 4 January 2026 (the date comes from the joint statement of the same dialogue); the report itself is undated")
R("ishaq-dar","A joint press communiqué reaffirmed Pakistan’s firm adherence to the One-China Principle, recognizing Taiwan as an inseparable part of China’s territory and opposing any form of “Taiwan independence” or attempts to create “two Chinas” or “one China, one Taiwan.”",["one-china-principle"])
R("ishaq-dar","Pakistan reiterated its support for China on issues related to Xinjiang, Xizang, Hong Kong, and the South China Sea.",["one-china-principle","strategic-partnership"])
R("wang-yi","China, in turn, reiterated its unwavering support for Pakistan’s sovereignty, independence, and territorial integrity, its development path suited to national conditions, and its resolute fight against terrorism.",["strategic-partnership","counter-terrorism"])
R("wang-yi","China reaffirmed that CPEC would continue to follow the principles of consultation, joint construction, and shared benefits, and welcomed third-party participation based on mutual agreement, highlighting the corridor’s role as a public good under the Belt and Road Initiative.",["cpec"])
R("wang-yi","China acknowledged Pakistan’s significant sacrifices and contributions in combating terrorism, while both sides firmly opposed double standards in international counter-terrorism efforts.",["counter-terrorism"],co=("ishaq-dar",))
R("government-of-china","China and Pakistan reaffirmed a zero-tolerance approach to terrorism and agreed to further strengthen comprehensive counter-terrorism and security cooperation to safeguard regional peace and ensure the smooth implementation of Belt and Road projects.",["counter-terrorism","security-cooperation"],co=("government-of-pakistan",))
R("government-of-china","Both sides underscored the importance of the continued construction and operation of Gwadar Port, ensuring smooth traffic along the Karakoram Highway, and fully utilizing the year-round operation of the Khunjerab-Sost border crossing to expand trade, economic activity, and cultural exchanges.",["gwadar-port","karakoram-highway"],co=("government-of-pakistan",))
R("government-of-china","The dialogue reviewed progress under regional mechanisms, including the China-Afghanistan-Pakistan trilateral foreign ministers’ dialogue, which has held six rounds and produced outcomes in counter-terrorism cooperation, Afghan reconstruction, and regional connectivity. Both sides agreed to further strengthen this mechanism.",["afghanistan","counter-terrorism"],co=("government-of-pakistan",))
R("government-of-china","They also exchanged views on international hotspots, calling for:\n- An inclusive, development-focused approach to Afghanistan;",["afghanistan"],co=("government-of-pakistan",))
R("government-of-china","On global issues, China and Pakistan reaffirmed their commitment to genuine multilateralism, opposition to unilateralism, protectionism, and “bloc confrontation,” and support for a fairer and more inclusive global governance system.",["multilateralism"],co=("government-of-pakistan",))
R("government-of-china","China and Pakistan reaffirmed close coordination within multilateral forums such as the United Nations and the Shanghai Cooperation Organisation, and expressed support for the Global Development Initiative, Global Security Initiative, Global Civilization Initiative, and Global Governance initiatives.",["multilateralism"],co=("government-of-pakistan",))
R("government-of-china","The two sides agreed to organize a series of people-to-people and cultural activities throughout 2026 to further deepen mutual understanding and emotional bonds between the two nations.",["people-to-people-exchange"],co=("government-of-pakistan",))

out=[]; seen=set(); errs=[]
for actor,f,q,kind,said,occ,tps,co,note in S:
    t=texts[f]; i=t.find(q)
    if i<0: errs.append(f"NOT FOUND {actor}: {q[:60]}"); continue
    if t.find(q,i+1)>=0: errs.append(f"AMBIGUOUS {q[:60]}")
    key=(actor,f,i,i+len(q))
    if key in seen: errs.append(f"DUP {q[:50]}")
    seen.add(key)
    out.append(dict(actorId=actor,source=f,quote=q,span=dict(start=i,end=i+len(q)),quoteKind=kind,saidOn=said,occasion=occ,topics=tps,language="en",coSpeakers=co,
        verification=dict(method="source-text-check",note=("quote matches the source text at the span; "+note).strip("; "))))
doc=dict(actors=actors,topics=[dict(id=a,title=b,description=c,parentId=d) for a,b,c,d in topics],sources=sources,statements=out)
if errs: print("\n".join(errs)); sys.exit(1)
json.dump(doc,open(D+"archive.json","w",encoding="utf-8"),ensure_ascii=False,indent=2); open(D+"archive.json","a").write("\n")
from collections import Counter
print(len(out),"statements;",len({s['actorId'] for s in out}),"actors;",len({t for s in out for t in s['topics']}),"topics used;",len({s['source'] for s in out}),"sources")
print(Counter(s['actorId'] for s in out)); print(Counter(t for s in out for t in s['topics']))
