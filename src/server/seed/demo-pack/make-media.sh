#!/bin/sh
# Makes the demo course pack's media: flat pictures (ImageMagick, then WebP
# with ffmpeg), a short spoken clip (espeak-ng, Opus) and a short video
# (ffmpeg, VP9 WebM). The files it makes are kept beside it, so a fresh
# clone needs none of these tools; run it again only to change the media.
#   apt-get install -y imagemagick ffmpeg espeak-ng
# The pictures carry no words: the lesson text says them in each language.
set -eu
cd "$(dirname "$0")"
OUT=media
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$OUT"

BG='#EEF5EF'
GREEN='#3E8E5E'
DARK='#24543A'
RED='#D64541'
LEAF='#5FAE4E'
GOLD='#F2B134'
WOOD='#B7814A'
INK='#33413A'

webp() { # PNG in, WebP out: small, and every tablet browser shows it
  ffmpeg -loglevel error -y -i "$WORK/$1.png" -c:v libwebp -quality 78 -compression_level 6 "$OUT/$1.webp"
}

apple() { # x y r: an apple with a leaf and a stalk
  x=$1 y=$2 r=$3
  printf '%s' "-fill '$RED' -draw 'circle $x,$y $x,$((y - r))' \
    -fill '#E8776F' -draw 'ellipse $((x - r / 3)),$((y - r / 3)) $((r / 5)),$((r / 4)) 0,360' \
    -stroke '#6B4B2A' -strokewidth $((r / 8 + 1)) -draw 'line $x,$((y - r + 4)) $((x + r / 6)),$((y - r - r / 3))' -stroke none \
    -fill '$LEAF' -draw 'ellipse $((x + r / 3)),$((y - r - r / 5)) $((r / 3)),$((r / 7)) 0,360' "
}

phone() { # x y w h: a phone with a white screen
  x=$1 y=$2 w=$3 h=$4
  printf '%s' "-fill '$INK' -draw 'roundrectangle $x,$y $((x + w)),$((y + h)) 28,28' \
    -fill white -draw 'roundrectangle $((x + 12)),$((y + 40)) $((x + w - 12)),$((y + h - 40)) 10,10' \
    -fill '#5B6B63' -draw 'circle $((x + w / 2)),$((y + h - 20)) $((x + w / 2 + 8)),$((y + h - 20))' "
}

draw() { # name, then drawing options
  name=$1
  shift
  eval "convert -size 800x600 xc:'$BG' $* '$WORK/$name.png'"
  webp "$name"
}

# The course cover: a basket of apples and a phone with a shop on it.
draw cover "$(phone 500 70 220 440)" \
  "-fill '$GOLD' -draw 'rectangle 512,110 708,170'" \
  "-fill white -draw 'polygon 512,170 545,170 528,195' -draw 'polygon 577,170 610,170 594,195' -draw 'polygon 643,170 676,170 660,195'" \
  "-fill '$GOLD' -draw 'polygon 545,170 577,170 561,195' -draw 'polygon 610,170 643,170 627,195' -draw 'polygon 676,170 708,170 692,195'" \
  "$(apple 610 300 60)" \
  "-fill '$GREEN' -draw 'roundrectangle 540,400 680,440 18,18'" \
  "$(apple 150 300 55) $(apple 250 280 58) $(apple 345 305 52) $(apple 200 350 50) $(apple 300 355 50)" \
  "-fill '$WOOD' -draw 'polygon 80,340 430,340 390,530 120,530'" \
  "-stroke '#8F6235' -strokewidth 6 -draw 'line 95,400 415,400' -draw 'line 108,460 402,460' -stroke none"

# Lesson 1: a shop of one's own on the phone: a storefront with goods and a cart button.
draw shop-phone "$(phone 290 40 220 520)" \
  "-fill '$GREEN' -draw 'rectangle 302,80 498,150'" \
  "-fill white -draw 'circle 400,115 400,95'" \
  "-fill '#DCEBDF' -draw 'roundrectangle 315,170 395,260 8,8' -draw 'roundrectangle 405,170 485,260 8,8' -draw 'roundrectangle 315,275 395,365 8,8' -draw 'roundrectangle 405,275 485,365 8,8'" \
  "$(apple 355 215 26) $(apple 445 320 26)" \
  "-fill '$GOLD' -draw 'circle 445,215 445,190' -fill '#C98E1D' -draw 'circle 355,320 355,296'" \
  "-fill '$RED' -draw 'roundrectangle 320,400 480,450 20,20'" \
  "-fill white -draw 'polygon 370,415 420,415 412,435 378,435' -draw 'circle 382,442 382,438' -draw 'circle 408,442 408,438'" \
  "-fill '#CFE3D4' -draw 'circle 140,160 140,110' -draw 'roundrectangle 80,230 200,260 10,10' -draw 'roundrectangle 80,280 180,310 10,10'" \
  "-fill '$GREEN' -draw 'roundrectangle 600,180 720,420 14,14' -fill white -draw 'rectangle 615,230 705,250' -draw 'rectangle 615,270 690,290'"

# Lesson 2: the good photo (bright, plain background, whole and cut fruit) and the poor one.
draw photo-good "-fill white -draw 'roundrectangle 100,60 700,540 24,24'" \
  "$(apple 310 310 120)" \
  "-fill '#F7E7B5' -draw 'circle 540,330 540,240' -fill '#FBEFCB' -draw 'circle 540,330 540,265'" \
  "-fill '#E9C87A' -draw 'ellipse 540,330 14,22 0,360' -fill '#6B4B2A' -draw 'ellipse 532,330 4,7 0,360' -draw 'ellipse 548,330 4,7 0,360'" \
  "-fill none -stroke '$RED' -strokewidth 10 -draw 'circle 540,330 540,238' -stroke none" \
  "-fill '$GOLD' -draw 'circle 650,110 650,80'"
convert -size 800x600 xc:'#5A5246' \
  -fill '#4A4339' -draw 'rectangle 0,380 800,600' \
  -fill '#6E6253' -draw 'rectangle 60,80 300,300' -fill '#3B352D' -draw 'rectangle 520,60 760,250' \
  -fill '#7E4B3A' -draw 'circle 420,360 420,250' \
  -fill '#2F6B3F' -draw 'ellipse 450,245 36,14 0,360' \
  -fill '#857A6A' -draw 'polygon 560,420 760,400 740,560 600,580' \
  -blur 0x9 -fill '#00000055' -draw 'rectangle 0,0 800,600' "$WORK/photo-poor.png"
webp photo-poor

# Lesson 3: a listing as the buyer sees it: photo, title lines, price tag, and stars.
draw listing-card "-fill white -draw 'roundrectangle 160,40 640,560 24,24'" \
  "-fill '#F6F2E6' -draw 'roundrectangle 185,65 615,300 14,14'" \
  "$(apple 330 190 80) $(apple 460 200 70)" \
  "-fill '$INK' -draw 'roundrectangle 190,325 600,350 8,8' -fill '#8A968F' -draw 'roundrectangle 190,365 520,385 8,8' -draw 'roundrectangle 190,398 470,418 8,8'" \
  "-fill '$RED' -draw 'roundrectangle 190,445 330,500 14,14' -fill white -draw 'roundrectangle 215,465 305,480 6,6'" \
  "-fill '$GOLD' -draw 'polygon 420,455 428,472 447,474 433,487 437,506 420,496 403,506 407,487 393,474 412,472'" \
  "-fill '$GOLD' -draw 'polygon 470,455 478,472 497,474 483,487 487,506 470,496 453,506 457,487 443,474 462,472'" \
  "-fill '$GOLD' -draw 'polygon 520,455 528,472 547,474 533,487 537,506 520,496 503,506 507,487 493,474 512,472'" \
  "-fill '$GOLD' -draw 'polygon 570,455 578,472 597,474 583,487 587,506 570,496 553,506 557,487 543,474 562,472'"

# Lesson 4: a live stream set-up: a phone on a stand, a lamp, the produce on a table.
draw live-setup "-fill '#D9CBB0' -draw 'rectangle 0,430 800,600'" \
  "-fill '#FFF4C2' -draw 'polygon 455,170 495,170 545,380 405,380'" \
  "-fill '$WOOD' -draw 'rectangle 60,380 440,430' -fill '#8F6235' -draw 'rectangle 80,430 100,560' -draw 'rectangle 400,430 420,560'" \
  "$(apple 130 335 45) $(apple 215 330 48) $(apple 300 338 44) $(apple 175 290 40) $(apple 260 288 40)" \
  "-fill '#F7C948' -draw 'circle 370,350 370,320'" \
  "-stroke '$INK' -strokewidth 8 -draw 'line 600,300 560,560' -draw 'line 600,300 640,560' -draw 'line 600,300 600,560' -stroke none" \
  "$(phone 540 70 120 230)" \
  "-fill '$RED' -draw 'circle 575,130 575,122'" \
  "-stroke '$INK' -strokewidth 8 -draw 'line 520,430 520,150' -draw 'line 520,150 490,130' -stroke none" \
  "-fill '$GOLD' -draw 'polygon 440,110 510,110 495,170 455,170'"

# A spoken tip for lesson 1 (Mandarin; the step's text gives it in every language).
espeak-ng -v cmn -s 150 -w "$WORK/open-shop.wav" \
  '开网店要准备三样东西：身份证、自己的手机号和一张银行卡。不会弄的，到村站来，店员帮你一起开。'
ffmpeg -loglevel error -y -i "$WORK/open-shop.wav" -ac 1 -ar 24000 -c:a libopus -b:a 20k "$OUT/open-shop.ogg"

# Lesson 2's quiz question, spoken: villagers who read little hear it, then pick a picture.
espeak-ng -v cmn -s 140 -w "$WORK/photo-question.wav" '哪张照片更能卖出去？是明亮干净的，还是又暗又模糊的？'
ffmpeg -loglevel error -y -i "$WORK/photo-question.wav" -ac 1 -ar 24000 -c:a libopus -b:a 20k "$OUT/photo-question.ogg"

# The live stream video: apples turning on the table, the live light blinking, hearts rising.
convert -size 480x360 xc:'#EEF5EF' \
  -fill '#D9CBB0' -draw 'rectangle 0,260 480,360' \
  -fill "$WOOD" -draw 'rectangle 40,240 440,270' \
  -fill "$INK" -draw 'roundrectangle 330,20 460,120 14,14' -fill white -draw 'roundrectangle 338,28 452,112 6,6' \
  "$WORK/live-bg.png"
eval "convert -size 160x160 xc:none $(apple 80 90 55) '$WORK/live-apple.png'"
convert -size 26x26 xc:none -fill "$RED" -draw 'circle 13,13 13,2' "$WORK/live-dot.png"
convert -size 40x36 xc:none -fill '#F06A8A' -draw 'circle 11,11 11,1' -draw 'circle 29,11 29,1' -draw 'polygon 1,14 39,14 20,35' "$WORK/live-heart.png"
# 12 s at 15 frames a second, a key frame every 2 s so that a player seeks quickly.
ffmpeg -loglevel error -y -framerate 15 -loop 1 -t 12 -i "$WORK/live-bg.png" \
  -loop 1 -t 12 -i "$WORK/live-apple.png" -loop 1 -t 12 -i "$WORK/live-dot.png" -loop 1 -t 12 -i "$WORK/live-heart.png" \
  -filter_complex "[1:v]rotate='0.25*sin(2*PI*t/3)':c=none:ow=160:oh=160[a];\
[0:v][a]overlay=x='120+60*sin(2*PI*t/6)':y=100[v1];\
[v1][2:v]overlay=x=346:y=36:enable='lt(mod(t,1),0.6)'[v2];\
[v2][3:v]overlay=x=410:y='300-mod(t*60,260)'[v3];\
[v3][3:v]overlay=x=370:y='300-mod(t*60+130,260)',format=yuv420p[out]" \
  -map '[out]' -r 15 -g 30 -c:v libvpx-vp9 -b:v 0 -crf 42 -row-mt 1 -deadline good -an "$OUT/live.webm"

ls -l "$OUT"
