package graph

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"strconv"
	"syscall"
)

// mappedFile identifies a file in /proc/self/maps: its device and inode.
type mappedFile struct {
	dev   uint64
	inode uint64
}

// statMapped returns the identity of the file at path.
func statMapped(path string) (mappedFile, error) {
	var st syscall.Stat_t
	if err := syscall.Stat(path, &st); err != nil {
		return mappedFile{}, fmt.Errorf("stat %s: %w", path, err)
	}
	return mappedFile{dev: st.Dev, inode: st.Ino}, nil
}

// overMapped reports whether more than limit bytes of files are mapped
// and resident in this process.
func overMapped(limit int64) bool {
	return limit > 0 && residentFileBytes() > limit
}

// trimMapped drops this process's mapping of f's pages. bbolt reads the store through
// a shared read-only mapping of the whole file, and every page a
// transaction touches stays resident in the process until the mapping
// goes: in a large build that is most of the file, gigabytes of RSS for
// pages the next transactions will mostly not read again. MADV_DONTNEED
// on a shared file mapping only unmaps them; the data stays in the file
// and the kernel's page cache (which reclaims it as any cache), and a
// later read maps the page in again. Errors are ignored: trimming is an
// economy, never needed for correctness.
func trimMapped(f mappedFile) {
	raw, err := os.ReadFile("/proc/self/maps")
	if err != nil {
		return
	}
	for _, r := range fileRanges(raw, f) {
		syscall.Syscall(syscall.SYS_MADVISE, r[0], r[1]-r[0], syscall.MADV_DONTNEED)
	}
}

// residentFileBytes returns the bytes of files (and shared memory) mapped
// and resident in this process: the third field of /proc/self/statm, in
// pages. It returns 0 when statm cannot be read.
func residentFileBytes() int64 {
	raw, err := os.ReadFile("/proc/self/statm")
	if err != nil {
		return 0
	}
	fields := bytes.Fields(raw)
	if len(fields) < 3 {
		return 0
	}
	pages, err := strconv.ParseInt(string(fields[2]), 10, 64)
	if err != nil {
		return 0
	}
	return pages * int64(os.Getpagesize())
}

// fileRanges returns the address ranges [start, end) that maps, the text
// of /proc/PID/maps, gives for the file f.
func fileRanges(maps []byte, f mappedFile) [][2]uintptr {
	var out [][2]uintptr
	sc := bufio.NewScanner(bytes.NewReader(maps))
	for sc.Scan() {
		// address perms offset dev inode path
		fields := bytes.Fields(sc.Bytes())
		if len(fields) < 6 {
			continue
		}
		inode, err := strconv.ParseUint(string(fields[4]), 10, 64)
		if err != nil || inode != f.inode || !sameDevice(string(fields[3]), f.dev) {
			continue
		}
		lo, hi, ok := bytes.Cut(fields[0], []byte("-"))
		if !ok {
			continue
		}
		start, err1 := strconv.ParseUint(string(lo), 16, 64)
		end, err2 := strconv.ParseUint(string(hi), 16, 64)
		if err1 != nil || err2 != nil || end <= start {
			continue
		}
		out = append(out, [2]uintptr{uintptr(start), uintptr(end)})
	}
	return out
}

// sameDevice reports whether maps' "major:minor" (hexadecimal) names dev,
// a device number as stat returns it.
func sameDevice(majMin string, dev uint64) bool {
	a, b, ok := bytes.Cut([]byte(majMin), []byte(":"))
	if !ok {
		return false
	}
	major, err1 := strconv.ParseUint(string(a), 16, 64)
	minor, err2 := strconv.ParseUint(string(b), 16, 64)
	if err1 != nil || err2 != nil {
		return false
	}
	// Linux's encoding of dev_t (glibc's gnu_dev_major/minor)
	devMajor := (dev>>8)&0xfff | (dev>>32)&^0xfff
	devMinor := dev&0xff | (dev>>12)&^0xff
	return major == devMajor && minor == devMinor
}
