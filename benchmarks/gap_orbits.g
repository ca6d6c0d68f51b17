# GAP side of benchmarks/bench_engine.py: orbits of all 2^n binary images of an h x w torus
# under translations (+ left-right reflection), by the induced permutation action on the
# 2^n masks (Action to permutations of [1..2^n], then Orbits).  Reads h, w, reps, refl
# (booleans/ints) set by the caller; prints one line "GAP <action ms> <orbits ms> <#orbits>" per run.
pix := function(r, c) return (r mod h) * w + (c mod w) + 1; end;
n := h * w;
right := PermList(List([0 .. n - 1], i -> pix(QuoInt(i, w), RemInt(i, w) + 1)));
down := PermList(List([0 .. n - 1], i -> pix(QuoInt(i, w) + 1, RemInt(i, w))));
mirror := PermList(List([0 .. n - 1], i -> pix(QuoInt(i, w), w - 1 - RemInt(i, w))));
gens := [right, down];
if refl then Add(gens, mirror); fi;
G := Group(gens);
# the image of mask x under g, for all x at once: img[x + 2^k] = img[x] + 2^(k^g - 1)
induced := function(g)
  local img, k, half, x, pk;
  img := [0];
  for k in [1 .. n] do
    pk := 2^(k^g - 1);
    Append(img, List(img, x -> x + pk));
  od;
  return PermList(List(img, x -> x + 1));
end;
for run in [1 .. reps] do
  t0 := Runtime();
  A := Group(List(gens, induced));
  t1 := Runtime();
  O := Orbits(A, [1 .. 2^n]);
  t2 := Runtime();
  Print("GAP ", t1 - t0, " ", t2 - t1, " ", Length(O), "\n");
od;
QUIT;
