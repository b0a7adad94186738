"""The demo pages' pictures: flat illustrations of the meeting place, drawn with `drawing`."""

import math

from PIL import Image

from .drawing import (
    ADULTS,
    BLUE,
    CHILDREN,
    CORAL,
    CORAL_LIGHT,
    GREEN,
    GREEN_DARK,
    INK,
    MINT,
    MINT_MID,
    PAPER,
    PEACH,
    PLUM,
    SAND,
    SAND_DARK,
    SKIN,
    TEAL,
    TEAL_DARK,
    TEAL_LIGHT,
    WOOD,
    YELLOW,
    YELLOW_LIGHT,
    Canvas,
    birch,
    bird,
    bush,
    cloud,
    mark,
    person,
    pram,
    seated,
    sun,
    window,
)


def home_band() -> Image.Image:
    """The meeting place under a warm sky, families arriving from both sides."""
    w, h = 1600, 640
    c = Canvas(w, h, SAND)
    sun(c, 1290, 150, 80)
    cloud(c, 250, 130, 220)
    cloud(c, 620, 80, 160)
    cloud(c, 1480, 250, 200)
    for x, y in ((420, 210), (460, 190), (1130, 120)):
        bird(c, x, y, 12)
    # Hills and the yard.
    c.ellipse(300, 560, 620, 150, MINT)
    c.ellipse(1350, 570, 650, 170, MINT)
    c.box(0, 520, w, h, MINT_MID)
    c.poly([(760, 540), (840, 540), (1010, h), (590, h)], SAND_DARK)
    # The house: walls, windows with people inside, the big roof over everyone, the door.
    c.box(545, 280, 1055, 548, PAPER)
    for y in range(300, 540, 24):
        c.box(545, y, 1055, y + 3, "#f3e9d6")
    c.box(545, 536, 1055, 550, SAND_DARK)
    window(c, 585, 335, 705, 445, figures=((622, TEAL_LIGHT), (668, CORAL_LIGHT)))
    window(c, 895, 335, 1015, 445, figures=((932, PLUM), (978, GREEN_DARK)))
    c.poly([(480, 300), (800, 70), (1120, 300)], TEAL)
    c.poly([(480, 300), (800, 70), (1120, 300), (1120, 320), (800, 90), (480, 320)], TEAL_DARK)
    c.circle(800, 210, 46, PAPER)
    c.circle(800, 210, 38, YELLOW_LIGHT)
    mark(c, 800, 212, 56, roof=TEAL, adult=YELLOW, child=CORAL)
    c.box(735, 350, 865, 368, TEAL_DARK, radius=6)
    c.box(748, 368, 852, 548, CORAL, radius=10)
    c.box(762, 384, 838, 460, YELLOW_LIGHT, radius=6)
    c.circle(836, 480, 5, PAPER)
    bush(c, 600, 548, 90)
    bush(c, 700, 548, 60, GREEN_DARK)
    bush(c, 990, 548, 80, GREEN_DARK)
    birch(c, 420, 540, 330)
    birch(c, 1180, 540, 360)
    birch(c, 1480, 545, 300)
    for x, width in ((240, 150), (300, 110), (460, 50), (560, 45), (1060, 120), (1310, 70), (880, 60)):
        c.ellipse(x, 617 if x != 880 else 560, width, 9, "#b5d9ce")
    # On the left a mother pushes a pram, a girl walks beside her.
    handle = pram(c, 300, 615, 150, TEAL, facing=1)
    person(c, 185, 618, 200, ADULTS["hijab"], facing=1, stride=0.18, hands=((handle[0] - 8, handle[1] + 4), handle))
    person(c, 460, 618, 112, CHILDREN["girl"], facing=1, child=True, stride=0.2)
    # A boy runs ahead with a balloon.
    person(c, 560, 600, 100, CHILDREN["boy"], facing=1, child=True, stride=0.3, hands=((530, 545), (584, 520)))
    c.line([(584, 520), (600, 420)], 2, INK)
    c.ellipse(604, 395, 26, 32, YELLOW)
    # On the right a father with a child by the hand, and a grandfather.
    dad_hand = (1045, 520)
    person(c, 1090, 615, 205, ADULTS["dad"], facing=-1, stride=0.15, hands=((1120, 525), dad_hand))
    person(c, 1010, 618, 110, CHILDREN["kid"], facing=-1, child=True, stride=0.15, hands=((1040, 555), (990, 560)))
    c.line([dad_hand, (1040, 553)], 9, SKIN[0])
    person(c, 1310, 612, 195, ADULTS["grandpa"], facing=-1, stride=0.12, hands=((1340, 525), (1270, 520)))
    c.line([(1268, 520), (1262, 612)], 6, WOOD)
    # A worker waves at the door.
    person(c, 885, 560, 160, ADULTS["staff"], facing=-1, hands=((905, 465), (850, 390)))
    return c.picture()


def mug(c: Canvas, x, y, colour, steam=True):
    c.box(x - 14, y - 30, x + 14, y, colour, radius=5)
    c.line([(x + 14, y - 22), (x + 22, y - 18), (x + 14, y - 9)], 5, colour)
    if steam:
        c.line([(x - 4, y - 40), (x - 8, y - 52), (x - 3, y - 64)], 3, "#d8cdb8")
        c.line([(x + 6, y - 40), (x + 2, y - 52), (x + 7, y - 64)], 3, "#d8cdb8")


def bubble(c: Canvas, x0, y0, x1, y1, tail, colour=PAPER):
    c.box(x0, y0, x1, y1, colour, radius=(y1 - y0) * 0.45)
    tx, ty = tail
    mid = (x0 + x1) / 2
    c.poly([(mid - 18, y1 - 4), (mid + 18, y1 - 4), (tx, ty)], colour)


def plant(c: Canvas, x, ground, size, pot=CORAL):
    for angle in (-60, -30, 0, 30, 60):
        a = math.radians(angle - 90)
        tip = (x + math.cos(a) * size * 0.75, ground - size * 0.55 + math.sin(a) * size * 0.75)
        c.line([(x, ground - size * 0.5), tip], size * 0.16, GREEN if angle % 60 else GREEN_DARK)
    c.poly(
        [
            (x - size * 0.3, ground - size * 0.55),
            (x + size * 0.3, ground - size * 0.55),
            (x + size * 0.22, ground),
            (x - size * 0.22, ground),
        ],
        pot,
    )


def chair(c: Canvas, x, seat, ground, facing, colour=WOOD):
    """A chair seen from the side, its back away from `facing`."""
    back = x - facing * 50
    c.box(x - 50, seat, x + 50, seat + 12, colour, radius=5)
    c.box(back - 6, seat - 110, back + 6, ground, colour, radius=5)
    c.box(x + facing * 44 - 6, seat, x + facing * 44 + 6, ground, colour, radius=5)


def help_page() -> Image.Image:
    """A parent and a staff member talk over coffee at a round table; a toddler plays nearby."""
    w, h = 1200, 800
    c = Canvas(w, h, MINT)
    floor = 600
    c.box(0, floor, w, h, SAND_DARK)
    c.box(0, floor - 14, w, floor, PAPER)
    # The window with a birch outside, a plant on the sill; a pinboard.
    c.box(90, 110, 400, 430, PAPER, radius=10)
    c.box(106, 126, 384, 414, SAND, radius=6)
    sun(c, 320, 190, 34)
    c.box(106, 330, 384, 414, "#d5ebe5")
    birch(c, 175, 380, 170)
    c.box(240, 126, 250, 414, PAPER)
    c.box(80, 424, 410, 440, PAPER, radius=4)
    plant(c, 140, 424, 60)
    c.box(840, 120, 1100, 320, WOOD, radius=10)
    c.box(852, 132, 1088, 308, "#f5e6c8", radius=6)
    for i, (nx, ny, colour) in enumerate(
        ((875, 150, YELLOW), (945, 160, CORAL_LIGHT), (1015, 148, MINT_MID), (890, 228, PEACH), (975, 235, YELLOW))
    ):
        c.box(nx, ny, nx + 55, ny + 55, colour, radius=3)
        c.circle(nx + 27, ny + 6, 5, CORAL if i % 2 else TEAL)
    # A lamp over the table.
    c.box(597, 0, 603, 190, INK)
    c.pie(600, 240, 70, 180, 360, YELLOW)
    c.ellipse(600, 240, 70, 8, "#e0a92e")
    # The table and chairs; the parent on the left, the staff member on the right.
    c.ellipse(600, 752, 300, 20, "#e3cca4")
    chair(c, 350, 630, 745, 1)
    chair(c, 850, 630, 745, -1)
    seated(c, 350, 630, 745, 420, ADULTS["mum"], 1, hands=((450, 548), (478, 540)))
    seated(c, 850, 630, 745, 420, ADULTS["staff"], -1, hands=((755, 548), (705, 515)))
    c.line([(828, 500), (838, 530), (848, 500)], 3, CORAL)  # the staff member's name badge
    c.box(826, 528, 850, 558, YELLOW, radius=4)
    c.box(585, 560, 615, 745, TEAL_DARK, radius=8)
    c.ellipse(600, 748, 90, 14, TEAL_DARK)
    c.box(430, 540, 770, 568, TEAL, radius=14)
    mug(c, 530, 540, CORAL)
    mug(c, 665, 540, YELLOW)
    c.poly([(575, 540), (625, 540), (633, 532), (583, 532)], PAPER)
    # What they say: a question, and help found.
    bubble(c, 300, 190, 470, 290, (390, 350))
    for dx in (-40, 0, 40):
        c.circle(385 + dx, 240, 10, TEAL)
    bubble(c, 720, 170, 900, 280, (800, 345))
    c.line([(775, 228), (800, 250), (845, 200)], 14, CORAL)
    # A toddler plays with blocks on a rug.
    c.ellipse(1030, 745, 150, 30, "#f3b6a0")
    person(c, 1000, 752, 120, CHILDREN["small"], 1, child=True, hands=((970, 700), (1040, 690)))
    for bx, by, colour in ((1060, 700, TEAL), (1095, 700, YELLOW), (1078, 665, CORAL)):
        c.box(bx, by, bx + 32, by + 32, colour, radius=4)
    return c.picture()


def bunting(c: Canvas, x0, x1, y, sag, colours):
    """A string of little flags between x0 and x1, sagging by `sag`."""
    steps = 24
    points = [(x0 + (x1 - x0) * i / steps, y + sag * math.sin(math.pi * i / steps)) for i in range(steps + 1)]
    c.line(points, 3, TEAL_DARK)
    count = len(colours)
    for i, colour in enumerate(colours):
        t = (i + 0.5) / count
        fx = x0 + (x1 - x0) * t
        fy = y + sag * math.sin(math.pi * t)
        c.poly([(fx - 20, fy), (fx + 20, fy), (fx, fy + 42)], colour)


def partners_page() -> Image.Image:
    """People of many organisations around one table, under one big roof."""
    w, h = 1200, 800
    c = Canvas(w, h, SAND)
    sun(c, 1080, 110, 50)
    cloud(c, 150, 120, 170)
    # The house: one roof over a long room.
    c.box(140, 300, 1060, 720, PAPER)
    c.box(140, 690, 1060, 720, SAND_DARK)
    c.poly([(60, 320), (600, 50), (1140, 320)], TEAL)
    c.poly([(60, 320), (600, 50), (1140, 320), (1140, 345), (600, 75), (60, 345)], TEAL_DARK)
    c.circle(600, 215, 52, PAPER)
    mark(c, 600, 218, 70, roof=TEAL, adult=YELLOW, child=CORAL)
    bunting(c, 170, 1030, 360, 40, (CORAL, YELLOW, TEAL_LIGHT, PLUM, GREEN, CORAL_LIGHT, BLUE, YELLOW, CORAL, GREEN))
    c.box(0, 720, w, h, MINT_MID)
    # People around the table: those behind it, seen to the waist.
    behind = (
        (260, 330, ADULTS["grandpa"], 1),
        (380, 318, ADULTS["mum"], 1),
        (500, 352, ADULTS["curly"], 1),
        (700, 334, ADULTS["hijab"], -1),
        (820, 356, ADULTS["dad"], -1),
        (940, 322, ADULTS["staff"], -1),
    )
    for x, height, look, facing in behind:
        hands = ((x - 30 * facing, 582), (x + 45 * facing, 572))
        person(c, x, 790, height, look, facing, hands=hands)
    # The table with papers, mugs and flowers.
    c.box(170, 580, 1030, 612, WOOD, radius=12)
    c.box(200, 612, 1000, 640, "#c98e55", radius=8)
    for lx in (230, 970):
        c.box(lx - 10, 630, lx + 10, 715, "#c98e55", radius=5)
    c.poly([(300, 580), (380, 580), (392, 570), (312, 570)], PAPER)
    c.poly([(780, 580), (860, 580), (870, 570), (790, 570)], YELLOW_LIGHT)
    mug(c, 440, 580, CORAL, steam=False)
    mug(c, 900, 580, TEAL, steam=False)
    mug(c, 660, 580, YELLOW, steam=False)
    c.box(585, 535, 615, 580, MINT_MID, radius=6)
    for dx, dy, colour in ((-18, 520, CORAL_LIGHT), (0, 505, YELLOW), (18, 522, CORAL)):
        c.line([(600, 540), (600 + dx, dy)], 4, GREEN_DARK)
        c.circle(600 + dx, dy, 11, colour)
    # Children in front: one with a drawing, one peeking over the table.
    person(c, 110, 770, 150, CHILDREN["kid"], 1, child=True, hands=((90, 700), (135, 690)))
    person(c, 1100, 775, 160, CHILDREN["girl"], -1, child=True, hands=((1120, 700), (1060, 650)))
    c.box(1030, 610, 1080, 660, PAPER, radius=3)
    c.circle(1055, 630, 10, YELLOW)
    return c.picture()


def flowers(c: Canvas, spots):
    for i, (x, y) in enumerate(spots):
        c.line([(x, y + 22), (x, y)], 4, GREEN_DARK)
        c.ellipse(x + 8, y + 12, 8, 4, GREEN_DARK)
        c.circle(x, y, 9, (YELLOW, CORAL_LIGHT, PAPER)[i % 3])
        c.circle(x, y, 3.5, CORAL if i % 3 == 0 else YELLOW)


def visit_page() -> Image.Image:
    """The entrance: a ramp without steps up to an automatic door, a parent pushing a pram up it."""
    w, h = 1200, 800
    c = Canvas(w, h, SAND)
    ground = 700
    sun(c, 140, 120, 55)
    cloud(c, 420, 90, 180)
    birch(c, 110, ground + 5, 420)
    # The building's front: wall, windows, a canopy and a door that opens by itself.
    c.box(470, 130, w, ground, PAPER)
    for y in range(150, ground, 26):
        c.box(470, y, w, y + 3, "#f3e9d6")
    c.box(455, 100, w, 135, TEAL_DARK)
    window(c, 1010, 250, 1150, 400, figures=((1050, CORAL_LIGHT), (1110, TEAL_LIGHT)))
    c.box(640, 230, 960, 262, TEAL, radius=8)  # the canopy
    c.box(620, 208, 980, 236, TEAL_DARK, radius=8)
    c.circle(800, 160, 40, PAPER)
    mark(c, 800, 163, 54, roof=TEAL, adult=YELLOW, child=CORAL)
    c.box(680, 262, 920, 585, TEAL_DARK, radius=6)
    for x0 in (692, 804):
        c.box(x0, 276, x0 + 104, 585, "#cfe7e3", radius=4)
        c.poly([(x0 + 20, 585), (x0 + 60, 276), (x0 + 80, 276), (x0 + 40, 585)], "#e4f2ef")
    c.box(796, 276, 804, 585, TEAL_DARK)
    # A small sign by the door: prams welcome.
    c.box(930, 375, 1000, 445, BLUE, radius=8)
    pram(c, 968, 432, 44, PAPER, hood=YELLOW)

    # The landing and the ramp, gently rising from the yard, with a railing.
    def on_ramp(x):
        return ground - (x - 140) * 115 / 500

    c.box(0, ground, w, h, MINT_MID)
    c.poly([(640, 585), (1000, 585), (1000, ground), (640, ground)], "#d9d2c5")
    c.poly([(140, ground), (640, 585), (640, ground)], "#e4ddd0")
    c.poly([(140, ground), (640, 585), (1000, 585), (1000, 597), (640, 597), (188, ground)], "#c9c0b0")
    for post_x in (260, 400, 540, 640):
        c.box(post_x - 5, on_ramp(post_x) - 95, post_x + 5, on_ramp(post_x), TEAL_DARK, radius=3)
    c.line([(200, on_ramp(200) - 95), (640, 490), (680, 490)], 9, TEAL_DARK)
    # A father pushes a pram up the ramp, a boy walking beside him.
    handle = pram(c, 480, on_ramp(480) + 4, 150, CORAL, facing=1, hood=YELLOW)
    person(c, 370, on_ramp(370), 220, ADULTS["dad"], 1, stride=0.18, hands=((handle[0] - 8, handle[1] + 5), handle))
    person(c, 290, on_ramp(290), 120, CHILDREN["boy"], 1, child=True, stride=0.2, hands=((270, 650), (325, 625)))
    # Plants by the door, a bench, flowers in the grass.
    plant(c, 1040, 585, 90, pot=TEAL)
    plant(c, 620, 585, 60, pot=CORAL)
    c.box(1040, 640, 1180, 652, WOOD, radius=5)
    c.box(1050, 652, 1060, ground, "#c98e55")
    c.box(1160, 652, 1170, ground, "#c98e55")
    flowers(c, ((250, 760), (300, 748), (560, 770), (880, 750), (930, 772), (1130, 758)))
    bush(c, 30, ground + 2, 120, GREEN_DARK)
    return c.picture()


def scribble(c: Canvas, x, y, w, lines=2, colour=TEAL_DARK):
    for i in range(lines):
        c.line([(x, y + i * 12), (x + w * (1 - 0.3 * (i % 2)), y + i * 12)], 4, colour)


def model_page() -> Image.Image:
    """Families and staff develop the place together: sticky notes on a board, ideas and a vote."""
    w, h = 1200, 800
    c = Canvas(w, h, SAND)
    floor = 640
    c.box(0, floor, w, h, SAND_DARK)
    c.box(0, floor - 12, w, floor, PAPER)
    # Bunting on the wall and a window.
    bunting(
        c, 40, 1160, 40, 30, (TEAL_LIGHT, YELLOW, CORAL_LIGHT, GREEN, PLUM, YELLOW, CORAL, BLUE, GREEN, CORAL_LIGHT)
    )
    c.box(960, 150, 1140, 380, PAPER, radius=10)
    c.box(974, 164, 1126, 366, MINT, radius=6)
    sun(c, 1080, 220, 26)
    # The board on its stand, in three columns of notes.
    c.box(330, 560, 342, 720, TEAL_DARK, radius=4)
    c.box(858, 560, 870, 720, TEAL_DARK, radius=4)
    c.box(290, 130, 910, 570, TEAL_DARK, radius=14)
    c.box(304, 144, 896, 556, PAPER, radius=8)
    for column, (x0, colour) in enumerate(((330, YELLOW), (530, CORAL_LIGHT), (730, MINT_MID))):
        c.box(x0, 168, x0 + 140, 180, (TEAL, CORAL, GREEN_DARK)[column], radius=6)
        for row in range(3 if column != 1 else 2):
            ny = 205 + row * 112
            nx = x0 + (12 if (row + column) % 2 else 0)
            c.box(nx, ny, nx + 120, ny + 92, colour, radius=4)
            scribble(c, nx + 16, ny + 26, 80, lines=3)
    for i in range(3):  # votes: dots on the favourite idea
        c.circle(566 + i * 22, 406, 8, TEAL)
    c.line([(475, 260), (515, 260)], 5, TEAL_DARK)
    c.poly([(512, 250), (530, 260), (512, 270)], TEAL_DARK)
    # A mother puts up a new note; a staff member writes; a father listens with a child on his arm.
    person(c, 210, 730, 330, ADULTS["hijab"], 1, hands=((245, 520), (330, 330)))
    c.box(316, 300, 380, 356, YELLOW, radius=4)
    person(c, 540, 760, 250, ADULTS["curly"], 1, hands=((560, 640), (600, 560)))
    person(c, 1010, 745, 350, ADULTS["dad"], -1, hands=((1035, 590), (965, 555)))
    person(c, 960, 600, 120, CHILDREN["girl"], -1, child=True, hands=((990, 540), (935, 520)))
    person(c, 760, 765, 150, CHILDREN["boy"], -1, child=True, hands=((790, 700), (720, 640)))
    c.box(690, 605, 745, 655, PEACH, radius=4)
    # An idea: a light bulb in a speech bubble.
    bubble(c, 80, 150, 230, 260, (170, 330))
    c.circle(155, 195, 28, YELLOW)
    c.box(142, 215, 168, 240, TEAL_DARK, radius=4)
    return c.picture()
