"""Golden pixel features from OpenCV itself, for PixelFeaturesTest.

Run once with Debian's python3-opencv (apt-get install python3-opencv), from the repository root:
    /usr/bin/python3 features/src/test/python/opencv_golden.py ../shared/data/galaxy-sample features/src/test/resources/golden

It applies the galaxy tutorial's preprocessing (cv2.imread, cv2.resize to 64x64, COLOR_BGR2GRAY) to every image and
writes, relative to the sample folder:
  galaxy-sample-sha256.txt   one line per image: its path and the SHA-256 of its 4096 grey bytes;
  galaxy-sample-grey.txt     the 4096 grey values in hex for a handful of images, to compare level by level.
"""
import hashlib, os, sys
import cv2

sample, out = sys.argv[1], sys.argv[2]
paths = sorted(os.path.join(folder, name) for folder in ("galaxies", "non-galaxies")
               for name in os.listdir(os.path.join(sample, folder)))
handful = set(paths[:3] + paths[-3:])
with open(os.path.join(out, "galaxy-sample-sha256.txt"), "w") as sums, \
        open(os.path.join(out, "galaxy-sample-grey.txt"), "w") as greys:
    sums.write("# cv2 %s: sha256 of cv2.cvtColor(cv2.resize(cv2.imread(path), (64, 64)), COLOR_BGR2GRAY)\n" % cv2.__version__)
    greys.write("# cv2 %s: the same 4096 grey bytes in hex\n" % cv2.__version__)
    for path in paths:
        grey = cv2.cvtColor(cv2.resize(cv2.imread(os.path.join(sample, path)), (64, 64)), cv2.COLOR_BGR2GRAY)
        sums.write("%s %s\n" % (path, hashlib.sha256(grey.tobytes()).hexdigest()))
        if path in handful:
            greys.write("%s %s\n" % (path, grey.tobytes().hex()))
